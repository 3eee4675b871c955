"""Bad input gets the S3 error AWS gives, and nothing is stored."""
import os
import socket
from urllib.parse import urlparse

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def signed(method, url, body=b"", headers=None):
    """A SigV4-signed request, sent as is over a plain socket (so nothing fixes it up on the way)."""
    req = AWSRequest(method=method, url=url, data=body, headers=headers or {})
    req.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD"
    SigV4Auth(Credentials(os.environ["CAIRN_ACCESS_KEY"], os.environ["CAIRN_SECRET_KEY"]), "s3",
              "us-east-1").add_auth(req)
    return req


def raw_exchange(req, body, send_bytes=None):
    u = urlparse(req.url)
    path = u.path + ("?" + u.query if u.query else "")
    lines = [f"{req.method} {path} HTTP/1.1", f"Host: {u.netloc}", "Connection: close"]
    for k, v in req.headers.items():
        if k.lower() != "host":
            lines.append(f"{k}: {v}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    with socket.create_connection((u.hostname, u.port), timeout=10) as s:
        s.sendall(head + (body if send_bytes is None else body[:send_bytes]))
        if send_bytes is not None:
            s.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                chunks.append(c)
        except (socket.timeout, ConnectionResetError):
            pass
        return b"".join(chunks)


def keys(s3, bucket):
    return [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_malformed_xml_bodies(s3, bucket):
    base = f"{s3.meta.endpoint_url}/{bucket}"
    for method, url, body in [("POST", base + "?delete", b"<Delete><Object><Key>a</Key>"),
                              ("PUT", base + "?versioning", b"not xml at all"),
                              ("PUT", base + "?tagging", b"<Tagging><TagSet><Tag></Tag></TagSet></Tagging>")]:
        req = signed(method, url, body, {"Content-Length": str(len(body))})
        reply = raw_exchange(req, body)
        assert reply.startswith(b"HTTP/1.1 400"), reply[:200]
        assert b"<Code>MalformedXML</Code>" in reply or b"<Code>InvalidTag</Code>" in reply, reply


def test_truncated_body_stores_nothing(s3, bucket):
    body = os.urandom(200_000)
    req = signed("PUT", f"{s3.meta.endpoint_url}/{bucket}/truncated",
                 body, {"Content-Length": str(len(body))})
    raw_exchange(req, body, send_bytes=50_000)
    with pytest.raises(ClientError) as e:
        s3.head_object(Bucket=bucket, Key="truncated")
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_keys_that_cannot_be_stored(s3, bucket):
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="k" * 1025, Body=b"x")
    assert error_code(e) == "KeyTooLongError"
    for bad in ["a/../b", "with\x00nul", "a//b"]:
        with pytest.raises(ClientError) as e:
            s3.put_object(Bucket=bucket, Key=bad, Body=b"x")
        assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400, bad
    assert keys(s3, bucket) == []


def test_metadata_over_2kb_is_refused(s3, bucket):
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="m", Body=b"x", Metadata={"big": "v" * 2100})
    assert error_code(e) == "MetadataTooLarge"
    assert keys(s3, bucket) == []


def test_content_md5_is_checked(s3, bucket):
    import base64
    import hashlib
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="md5", Body=b"abc",
                      ContentMD5=base64.b64encode(hashlib.md5(b"xyz").digest()).decode())
    assert error_code(e) == "BadDigest"
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=bucket, Key="md5", Body=b"abc", ContentMD5="not-base64!")
    assert error_code(e) == "InvalidDigest"
    assert keys(s3, bucket) == []


def test_unimplemented_subresources_say_so(s3, bucket):
    with pytest.raises(ClientError) as e:
        s3.get_bucket_lifecycle_configuration(Bucket=bucket)
    assert error_code(e) == "NotImplemented"
    with pytest.raises(ClientError) as e:
        s3.get_object_lock_configuration(Bucket=bucket)
    assert error_code(e) == "NotImplemented"


def test_users_cannot_touch_each_others_buckets(s3, bucket):
    from conftest import client
    other = client(os.environ["CAIRN_USER2_ACCESS_KEY"], os.environ["CAIRN_USER2_SECRET_KEY"])
    with pytest.raises(ClientError) as e:
        other.list_objects_v2(Bucket=bucket)
    assert error_code(e) == "AccessDenied"
    mine = "py-user2-owned"
    other.create_bucket(Bucket=mine)
    other.put_object(Bucket=mine, Key="k", Body=b"v")
    assert [b["Name"] for b in other.list_buckets()["Buckets"]] == [mine]
    with pytest.raises(ClientError) as e:
        other.create_bucket(Bucket=bucket)
    assert error_code(e) == "BucketAlreadyExists"
    other.delete_object(Bucket=mine, Key="k")
    other.delete_bucket(Bucket=mine)


def test_anonymous_requests_are_denied(s3, bucket):
    import urllib.request
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(f"{s3.meta.endpoint_url}/{bucket}")
    assert e.value.code == 403 and b"AccessDenied" in e.value.read()


def test_signature_v2_header_auth_still_works(bucket):
    from conftest import client
    v2 = client(signature_version="s3")
    v2.put_object(Bucket=bucket, Key="v2", Body=b"old client")
    assert v2.get_object(Bucket=bucket, Key="v2")["Body"].read() == b"old client"


def test_virtual_host_style_addressing(s3, bucket):
    s3.put_object(Bucket=bucket, Key="vh/key", Body=b"virtual")
    port = urlparse(s3.meta.endpoint_url).port
    domain = os.environ["CAIRN_DOMAIN"]
    req = AWSRequest(method="GET", url=f"http://{bucket}.{domain}:{port}/vh/key")
    req.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD"
    SigV4Auth(Credentials(os.environ["CAIRN_ACCESS_KEY"], os.environ["CAIRN_SECRET_KEY"]), "s3",
              "us-east-1").add_auth(req)
    lines = [f"GET /vh/key HTTP/1.1", f"Host: {bucket}.{domain}:{port}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in req.headers.items() if k.lower() != "host"]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 200"), reply[:300]
    assert reply.endswith(b"virtual")


def test_bucket_policy_grants_and_denies(s3, bucket):
    import json
    import urllib.request
    from conftest import client
    s3.put_object(Bucket=bucket, Key="public/readme.txt", Body=b"hello world")
    s3.put_object(Bucket=bucket, Key="private/secret.txt", Body=b"secret")
    with pytest.raises(ClientError) as e:
        s3.get_bucket_policy(Bucket=bucket)
    assert error_code(e) == "NoSuchBucketPolicy"
    with pytest.raises(ClientError) as e:
        s3.put_bucket_policy(Bucket=bucket, Policy='{"Version": "2012-10-17", "Statement": [{"Effect": "Maybe"}]}')
    assert error_code(e) == "MalformedPolicy"
    user2 = os.environ["CAIRN_USER2_ACCESS_KEY"]
    policy = {"Version": "2012-10-17", "Statement": [
        {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
         "Resource": f"arn:aws:s3:::{bucket}/public/*"},
        {"Sid": "User2List", "Effect": "Allow", "Principal": {"AWS": [f"arn:aws:iam::000000000000:user/{user2}"]},
         "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::{bucket}",
         "Condition": {"StringLike": {"s3:prefix": ["public/*"]}}},
        {"Sid": "NoSecretsForUser2", "Effect": "Deny", "Principal": {"AWS": [user2]}, "Action": "s3:GetObject",
         "Resource": f"arn:aws:s3:::{bucket}/private/*"}]}
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    assert json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"]) == policy
    assert s3.get_bucket_policy_status(Bucket=bucket)["PolicyStatus"]["IsPublic"] is True
    endpoint = s3.meta.endpoint_url
    assert urllib.request.urlopen(f"{endpoint}/{bucket}/public/readme.txt").read() == b"hello world"
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(f"{endpoint}/{bucket}/private/secret.txt")
    assert e.value.code == 403
    other = client(user2, os.environ["CAIRN_USER2_SECRET_KEY"])
    listed = other.list_objects_v2(Bucket=bucket, Prefix="public/")
    assert [o["Key"] for o in listed["Contents"]] == ["public/readme.txt"]
    with pytest.raises(ClientError) as e:
        other.list_objects_v2(Bucket=bucket, Prefix="private/")
    assert error_code(e) == "AccessDenied"
    with pytest.raises(ClientError) as e:
        other.get_object(Bucket=bucket, Key="private/secret.txt")
    assert error_code(e) == "AccessDenied"
    with pytest.raises(ClientError) as e:
        other.put_object(Bucket=bucket, Key="public/x", Body=b"x")
    assert error_code(e) == "AccessDenied"
    s3.delete_bucket_policy(Bucket=bucket)
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{endpoint}/{bucket}/public/readme.txt")
