"""Everyday S3 calls through boto3 (which signs with SigV4 and sends CRC32 checksums by default)."""
import hashlib
import io
import os

import pytest
from botocore.exceptions import ClientError


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_buckets_are_created_listed_and_removed(s3):
    name = "py-lifecycle-bucket"
    s3.create_bucket(Bucket=name)
    assert name in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    s3.head_bucket(Bucket=name)
    assert s3.get_bucket_location(Bucket=name).get("LocationConstraint") in (None, "", "us-east-1")
    s3.put_object(Bucket=name, Key="kept", Body=b"x")
    # us-east-1 semantics: re-creating a bucket you own succeeds, resets its ACL, and keeps its objects
    s3.put_bucket_acl(Bucket=name, ACL="public-read")
    s3.create_bucket(Bucket=name)
    assert [g["Permission"] for g in s3.get_bucket_acl(Bucket=name)["Grants"]] == ["FULL_CONTROL"]
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=name)["Contents"]] == ["kept"]
    s3.delete_object(Bucket=name, Key="kept")
    s3.delete_bucket(Bucket=name)
    with pytest.raises(ClientError) as e:
        s3.head_bucket(Bucket=name)
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_put_get_head_delete_with_metadata(s3, bucket):
    body = os.urandom(100_000)
    put = s3.put_object(Bucket=bucket, Key="dir/obj.bin", Body=body, ContentType="application/x-test",
                        Metadata={"color": "blue"}, CacheControl="max-age=60")
    assert put["ETag"] == '"%s"' % hashlib.md5(body).hexdigest()
    got = s3.get_object(Bucket=bucket, Key="dir/obj.bin")
    assert got["Body"].read() == body
    assert got["ContentType"] == "application/x-test"
    assert got["Metadata"] == {"color": "blue"}
    assert got["CacheControl"] == "max-age=60"
    head = s3.head_object(Bucket=bucket, Key="dir/obj.bin")
    assert head["ContentLength"] == len(body)
    s3.delete_object(Bucket=bucket, Key="dir/obj.bin")
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="dir/obj.bin")
    assert error_code(e) == "NoSuchKey"


def test_ranges(s3, bucket):
    body = bytes(range(256)) * 100
    s3.put_object(Bucket=bucket, Key="r", Body=body)
    assert s3.get_object(Bucket=bucket, Key="r", Range="bytes=10-19")["Body"].read() == body[10:20]
    assert s3.get_object(Bucket=bucket, Key="r", Range="bytes=-5")["Body"].read() == body[-5:]
    part = s3.get_object(Bucket=bucket, Key="r", Range="bytes=25000-")
    assert part["Body"].read() == body[25000:]
    assert part["ContentRange"] == "bytes 25000-25599/25600"
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="r", Range="bytes=30000-")
    assert error_code(e) == "InvalidRange"


def test_listing_v1_and_v2(s3, bucket):
    for k in ["a", "b/1", "b/2", "c/d/e"]:
        s3.put_object(Bucket=bucket, Key=k, Body=b"x")
    v2 = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    assert [o["Key"] for o in v2["Contents"]] == ["a"]
    assert [p["Prefix"] for p in v2["CommonPrefixes"]] == ["b/", "c/"]
    page = s3.list_objects_v2(Bucket=bucket, MaxKeys=2)
    assert page["IsTruncated"] and page["KeyCount"] == 2
    rest = s3.list_objects_v2(Bucket=bucket, ContinuationToken=page["NextContinuationToken"])
    assert [o["Key"] for o in rest["Contents"]] == ["b/2", "c/d/e"]
    v1 = s3.list_objects(Bucket=bucket, Prefix="b/")
    assert [o["Key"] for o in v1["Contents"]] == ["b/1", "b/2"]


def test_versions_and_delete_markers(s3, bucket):
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    v1 = s3.put_object(Bucket=bucket, Key="k", Body=b"one")["VersionId"]
    v2 = s3.put_object(Bucket=bucket, Key="k", Body=b"two")["VersionId"]
    assert s3.get_object(Bucket=bucket, Key="k", VersionId=v1)["Body"].read() == b"one"
    marker = s3.delete_object(Bucket=bucket, Key="k")
    assert marker["DeleteMarker"]
    versions = s3.list_object_versions(Bucket=bucket)
    assert [v["VersionId"] for v in versions["Versions"]] == [v2, v1]
    assert versions["DeleteMarkers"][0]["IsLatest"]


def test_multipart_upload(s3, bucket):
    up = s3.create_multipart_upload(Bucket=bucket, Key="mp", ContentType="video/mp4")
    parts = []
    data = b""
    for n in (1, 2):
        chunk = os.urandom(5 * 1024 * 1024 if n == 1 else 1234)
        data += chunk
        r = s3.upload_part(Bucket=bucket, Key="mp", UploadId=up["UploadId"], PartNumber=n, Body=chunk)
        parts.append({"PartNumber": n, "ETag": r["ETag"]})
    listed = s3.list_parts(Bucket=bucket, Key="mp", UploadId=up["UploadId"])
    assert [p["PartNumber"] for p in listed["Parts"]] == [1, 2]
    done = s3.complete_multipart_upload(Bucket=bucket, Key="mp", UploadId=up["UploadId"],
                                        MultipartUpload={"Parts": parts})
    assert done["ETag"].endswith('-2"')
    assert s3.get_object(Bucket=bucket, Key="mp")["Body"].read() == data


def test_copy_and_batch_delete(s3, bucket):
    s3.put_object(Bucket=bucket, Key="src", Body=b"copy me", Metadata={"m": "1"})
    s3.copy_object(Bucket=bucket, Key="dst", CopySource={"Bucket": bucket, "Key": "src"})
    assert s3.get_object(Bucket=bucket, Key="dst")["Metadata"] == {"m": "1"}
    result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "src"}, {"Key": "dst"}]})
    assert sorted(d["Key"] for d in result["Deleted"]) == ["dst", "src"]


def test_wrong_secret_is_refused(bucket):
    from conftest import client
    bad = client(secret_key="not-the-secret")
    with pytest.raises(ClientError) as e:
        bad.list_objects_v2(Bucket=bucket)
    assert error_code(e) == "SignatureDoesNotMatch"


def test_object_and_bucket_tagging(s3, bucket):
    s3.put_object(Bucket=bucket, Key="t", Body=b"x", Tagging="a=1&b=two%20words")
    assert s3.get_object(Bucket=bucket, Key="t")["TagCount"] == 2
    tags = s3.get_object_tagging(Bucket=bucket, Key="t")["TagSet"]
    assert {t["Key"]: t["Value"] for t in tags} == {"a": "1", "b": "two words"}
    s3.put_object_tagging(Bucket=bucket, Key="t", Tagging={"TagSet": [{"Key": "k", "Value": "v"}]})
    assert s3.get_object_tagging(Bucket=bucket, Key="t")["TagSet"] == [{"Key": "k", "Value": "v"}]
    s3.delete_object_tagging(Bucket=bucket, Key="t")
    assert s3.get_object_tagging(Bucket=bucket, Key="t")["TagSet"] == []
    with pytest.raises(ClientError) as e:
        s3.put_object_tagging(Bucket=bucket, Key="t", Tagging={"TagSet": [{"Key": str(i), "Value": "v"} for i in range(11)]})
    assert error_code(e) == "InvalidTag"
    with pytest.raises(ClientError) as e:
        s3.get_bucket_tagging(Bucket=bucket)
    assert error_code(e) == "NoSuchTagSet"
    s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "team", "Value": "storage"}]})
    assert s3.get_bucket_tagging(Bucket=bucket)["TagSet"] == [{"Key": "team", "Value": "storage"}]
    s3.delete_bucket_tagging(Bucket=bucket)


def test_conditional_requests(s3, bucket):
    etag = s3.put_object(Bucket=bucket, Key="c", Body=b"body")["ETag"]
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="c", IfNoneMatch=etag)
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 304
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="c", IfMatch='"nope"')
    assert error_code(e) == "PreconditionFailed"
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="c", Body=b"again", IfNoneMatch="*")
    assert error_code(e) == "PreconditionFailed"


def test_presigned_get_and_put(bucket):
    import urllib.request
    from conftest import client
    v4 = client(signature_version="s3v4")
    put_url = v4.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "p"}, ExpiresIn=300)
    req = urllib.request.Request(put_url, data=b"presigned body", method="PUT")
    assert urllib.request.urlopen(req).status == 200
    get_url = v4.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "p"}, ExpiresIn=300)
    assert urllib.request.urlopen(get_url).read() == b"presigned body"
    # boto3's default presigner for s3 is Signature V2 (query): old clients still work
    v2 = client(signature_version="s3")
    v2_url = v2.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "p"}, ExpiresIn=300)
    assert "Signature=" in v2_url and urllib.request.urlopen(v2_url).read() == b"presigned body"
    tampered = get_url.replace("X-Amz-Expires=300", "X-Amz-Expires=301")
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(tampered)
    assert e.value.code == 403 and b"SignatureDoesNotMatch" in e.value.read()


# CRC32C and CRC64NVME need botocore[crt], which this machine does not have; the Java SDK test covers CRC32C
@pytest.mark.parametrize("algorithm", ["CRC32", "SHA1", "SHA256"])
def test_flexible_checksums_are_verified_stored_and_returned(s3, bucket, algorithm):
    body = os.urandom(70_000)
    put = s3.put_object(Bucket=bucket, Key="ck", Body=body, ChecksumAlgorithm=algorithm)
    field = "Checksum" + algorithm
    assert put.get(field), put
    head = s3.head_object(Bucket=bucket, Key="ck", ChecksumMode="ENABLED")
    assert head[field] == put[field]


def test_wrong_checksum_header_is_bad_digest(s3, bucket):
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="bad", Body=b"abc", ChecksumCRC32="AAAAAA==")
    assert error_code(e) == "BadDigest"
    with pytest.raises(ClientError) as e:
        s3.head_object(Bucket=bucket, Key="bad")
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_cors_configuration_and_preflight(s3, bucket):
    import urllib.request
    with pytest.raises(ClientError) as e:
        s3.get_bucket_cors(Bucket=bucket)
    assert error_code(e) == "NoSuchCORSConfiguration"
    s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
        {"AllowedOrigins": ["https://*.example.com"], "AllowedMethods": ["GET", "PUT"],
         "AllowedHeaders": ["x-amz-*", "content-type"], "ExposeHeaders": ["ETag"], "MaxAgeSeconds": 600}]})
    rules = s3.get_bucket_cors(Bucket=bucket)["CORSRules"]
    assert rules[0]["AllowedOrigins"] == ["https://*.example.com"]
    endpoint = s3.meta.endpoint_url

    def preflight(origin, method, headers=None):
        req = urllib.request.Request(f"{endpoint}/{bucket}/some/key", method="OPTIONS")
        req.add_header("Origin", origin)
        req.add_header("Access-Control-Request-Method", method)
        if headers:
            req.add_header("Access-Control-Request-Headers", headers)
        try:
            return urllib.request.urlopen(req)
        except urllib.error.HTTPError as err:
            return err

    ok = preflight("https://app.example.com", "PUT", "Content-Type, x-amz-meta-a")
    assert ok.status == 200
    assert ok.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert ok.headers["Access-Control-Max-Age"] == "600"
    assert preflight("https://evil.test", "GET").status == 403
    assert preflight("https://app.example.com", "DELETE").status == 403
    assert preflight("https://app.example.com", "GET", "authorization").status == 403

    def anonymous_get(key, origin):
        req = urllib.request.Request(f"{endpoint}/{bucket}/{key}")
        req.add_header("Origin", origin)
        try:
            return urllib.request.urlopen(req)
        except urllib.error.HTTPError as err:
            return err

    # an error answers with the matching rule's CORS headers too, so a browser script can read it
    denied = anonymous_get("missing", "https://app.example.com")
    assert denied.status == 403
    assert denied.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert denied.headers["Access-Control-Expose-Headers"] == "ETag"
    assert anonymous_get("missing", "https://evil.test").headers["Access-Control-Allow-Origin"] is None
    s3.delete_bucket_cors(Bucket=bucket)
    assert preflight("https://app.example.com", "GET").status == 403


def test_bucket_encryption_configuration_is_stored(s3, bucket):
    with pytest.raises(ClientError) as e:
        s3.get_bucket_encryption(Bucket=bucket)
    assert error_code(e) == "ServerSideEncryptionConfigurationNotFoundError"
    s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    s3.delete_bucket_encryption(Bucket=bucket)


def test_get_object_attributes(s3, bucket):
    up = s3.create_multipart_upload(Bucket=bucket, Key="attrs")
    parts = []
    for n, size in ((1, 5 * 1024 * 1024), (2, 10)):
        r = s3.upload_part(Bucket=bucket, Key="attrs", UploadId=up["UploadId"], PartNumber=n, Body=b"a" * size)
        parts.append({"PartNumber": n, "ETag": r["ETag"]})
    s3.complete_multipart_upload(Bucket=bucket, Key="attrs", UploadId=up["UploadId"], MultipartUpload={"Parts": parts})
    a = s3.get_object_attributes(Bucket=bucket, Key="attrs",
                                 ObjectAttributes=["ETag", "ObjectSize", "StorageClass", "ObjectParts"])
    assert a["ObjectSize"] == 5 * 1024 * 1024 + 10
    assert a["ObjectParts"]["TotalPartsCount"] == 2
    assert a["StorageClass"] == "STANDARD"


def _post_form(url, fields, file_bytes, filename="upload.bin"):
    import urllib.request
    import uuid as _uuid
    boundary = "----cairn" + _uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    req = urllib.request.Request(url, data=b"".join(parts), method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        return urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        return e


@pytest.mark.parametrize("signature_version", ["s3v4", "s3"])
def test_browser_form_upload_with_a_signed_policy(bucket, signature_version):
    from conftest import client
    s3 = client(signature_version=signature_version)
    body = os.urandom(300_000) + b"\r\n--not-a-boundary\r\n" + os.urandom(1000)
    post = s3.generate_presigned_post(bucket, "uploads/${filename}",
                                      Fields={"x-amz-meta-origin": "browser", "success_action_status": "201"},
                                      Conditions=[["starts-with", "$key", "uploads/"],
                                                  {"x-amz-meta-origin": "browser"}, {"success_action_status": "201"},
                                                  ["content-length-range", 1, 1_000_000]], ExpiresIn=300)
    r = _post_form(post["url"], post["fields"], body, filename="photo.jpg")
    assert r.status == 201, r.read()
    assert b"<Key>uploads/photo.jpg</Key>" in r.read()
    got = s3.get_object(Bucket=bucket, Key="uploads/photo.jpg")
    assert got["Body"].read() == body
    assert got["Metadata"] == {"origin": "browser"}
    # the policy's content-length-range refuses a larger file, and nothing is stored
    too_big = _post_form(post["url"], post["fields"], b"x" * 1_000_001, filename="big.bin")
    assert too_big.status == 400 and b"EntityTooLarge" in too_big.read()
    with pytest.raises(ClientError):
        s3.head_object(Bucket=bucket, Key="uploads/big.bin")
    # a field the policy does not name is refused
    extra = dict(post["fields"], **{"x-amz-meta-sneaky": "1"})
    denied = _post_form(post["url"], extra, b"x")
    assert denied.status == 403 and b"AccessDenied" in denied.read()


def test_empty_objects_with_checksums(s3, bucket):
    for i in range(3):
        s3.put_object(Bucket=bucket, Key=str(i))
    assert s3.list_objects_v2(Bucket=bucket)["KeyCount"] == 3
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="bad-empty", Body=b"", ChecksumCRC32="AAAAAQ==")
    assert error_code(e) == "BadDigest"


def test_chunked_transfer_encoding_without_a_length(s3, bucket):
    """A body sent with HTTP chunked transfer encoding and no Content-Length is read to its end."""
    import http.client
    from urllib.parse import urlparse
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    url = f"{s3.meta.endpoint_url}/{bucket}/chunked"
    req = AWSRequest(method="PUT", url=url, headers={"x-amz-content-sha256": "UNSIGNED-PAYLOAD",
                                                     "Transfer-Encoding": "chunked"})
    SigV4Auth(Credentials(os.environ["CAIRN_ACCESS_KEY"], os.environ["CAIRN_SECRET_KEY"]), "s3",
              "us-east-1").add_auth(req)
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.putrequest("PUT", u.path, skip_accept_encoding=True)
    for k, v in req.headers.items():
        conn.putheader(k, v)
    conn.endheaders()
    for chunk in (b"hello ", b"chunked ", b"world"):
        conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    conn.send(b"0\r\n\r\n")
    assert conn.getresponse().status == 200
    conn.close()
    assert s3.get_object(Bucket=bucket, Key="chunked")["Body"].read() == b"hello chunked world"


def test_racing_conditional_creates_of_one_key_let_exactly_one_win(s3, bucket):
    import threading
    from concurrent.futures import ThreadPoolExecutor
    racers = 8
    start = threading.Barrier(racers)

    def create(i):
        body = b"racer %d" % i
        start.wait()
        try:
            s3.put_object(Bucket=bucket, Key="contested", Body=body, IfNoneMatch="*")
            return body
        except ClientError as e:
            return e.response["Error"]["Code"]

    with ThreadPoolExecutor(racers) as pool:
        results = list(pool.map(create, range(racers)))
    won = [r for r in results if isinstance(r, bytes)]
    assert len(won) == 1, results
    assert sorted(r for r in results if not isinstance(r, bytes)) == ["PreconditionFailed"] * (racers - 1)
    assert s3.get_object(Bucket=bucket, Key="contested")["Body"].read() == won[0]


def test_conditional_writes(s3, bucket):
    etag = s3.put_object(Bucket=bucket, Key="c", Body=b"1", IfNoneMatch="*")["ETag"]
    for kwargs in ({"IfNoneMatch": "*"}, {"IfNoneMatch": etag}, {"IfMatch": '"not-the-etag"'}):
        with pytest.raises(ClientError) as e:
            s3.put_object(Bucket=bucket, Key="c", Body=b"2", **kwargs)
        assert error_code(e) == "PreconditionFailed", kwargs
    s3.put_object(Bucket=bucket, Key="c", Body=b"2", IfMatch=etag)
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="absent", Body=b"x", IfMatch="*")
    assert error_code(e) == "NoSuchKey"
    assert s3.get_object(Bucket=bucket, Key="c")["Body"].read() == b"2"
