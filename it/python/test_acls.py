"""S3 ACLs through boto3: canned and explicit grants, enforced for anonymous callers and a second user, and Object
Ownership / the public access block switching them off. The main client is root; user2 is an ordinary user."""
import os
import urllib.error
import urllib.request

import pytest
from botocore.exceptions import ClientError

from conftest import client

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def refused(code, call, *args, **kwargs):
    """Asserts that the call fails with the S3 error {code}."""
    with pytest.raises(ClientError) as e:
        call(*args, **kwargs)
    assert e.value.response["Error"]["Code"] == code


def user2():
    return client(os.environ["CAIRN_USER2_ACCESS_KEY"], os.environ["CAIRN_USER2_SECRET_KEY"])


def anonymous_get(s3, path):
    """Status and body of an unsigned GET."""
    try:
        with urllib.request.urlopen(f"{s3.meta.endpoint_url}/{path}") as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_public_read_objects_are_read_anonymously(s3, bucket):
    s3.put_object(Bucket=bucket, Key="open", Body=b"for everyone", ACL="public-read")
    s3.put_object(Bucket=bucket, Key="closed", Body=b"for the owner")
    assert anonymous_get(s3, f"{bucket}/open") == (200, b"for everyone")
    status, body = anonymous_get(s3, f"{bucket}/closed")
    assert status == 403 and b"AccessDenied" in body
    # listing is the bucket's ACL's business, and the bucket is private
    assert anonymous_get(s3, bucket)[0] == 403
    # a key that does not exist is not revealed to a caller who may not list
    assert anonymous_get(s3, f"{bucket}/nothing-here")[0] == 403
    grants = s3.get_object_acl(Bucket=bucket, Key="open")["Grants"]
    assert {"Grantee": {"Type": "Group", "URI": ALL_USERS}, "Permission": "READ"} in grants
    s3.put_object_acl(Bucket=bucket, Key="open", ACL="private")
    assert anonymous_get(s3, f"{bucket}/open")[0] == 403


def test_public_read_bucket_lists_anonymously_and_says_missing_keys_are_missing(s3, bucket):
    s3.put_bucket_acl(Bucket=bucket, ACL="public-read")
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    status, body = anonymous_get(s3, bucket)
    assert status == 200 and b"<Key>k</Key>" in body
    assert anonymous_get(s3, f"{bucket}/k")[0] == 403  # the object itself is still private
    status, body = anonymous_get(s3, f"{bucket}/gone")
    assert status == 404 and b"NoSuchKey" in body
    assert s3.get_bucket_policy_status(Bucket=bucket)["PolicyStatus"]["IsPublic"] is True


def test_grants_to_a_second_user(s3, bucket):
    other_id = os.environ["CAIRN_USER2_ACCESS_KEY"]
    other = user2()
    s3.put_object(Bucket=bucket, Key="shared", Body=b"shared data")
    refused("AccessDenied", other.get_object, Bucket=bucket, Key="shared")

    acl = s3.get_object_acl(Bucket=bucket, Key="shared")
    acl["Grants"].append({"Grantee": {"Type": "CanonicalUser", "ID": other_id}, "Permission": "READ"})
    s3.put_object_acl(Bucket=bucket, Key="shared",
                      AccessControlPolicy={"Owner": acl["Owner"], "Grants": acl["Grants"]})
    assert other.get_object(Bucket=bucket, Key="shared")["Body"].read() == b"shared data"
    refused("AccessDenied", other.get_object_acl, Bucket=bucket, Key="shared")  # READ is not READ_ACP
    refused("AccessDenied", other.list_objects_v2, Bucket=bucket)

    # WRITE on the bucket through a grant header: user2 may upload, and owns what it uploads
    s3.put_bucket_acl(Bucket=bucket, GrantWrite=f"id={other_id}", GrantFullControl=f"id={acl['Owner']['ID']}")
    other.put_object(Bucket=bucket, Key="from-user2", Body=b"mine")
    assert other.get_object_acl(Bucket=bucket, Key="from-user2")["Owner"]["ID"] == other_id
    owners = {o["Key"]: o["Owner"]["ID"] for o in s3.list_objects(Bucket=bucket)["Contents"]}
    assert owners == {"shared": acl["Owner"]["ID"], "from-user2": other_id}

    refused("InvalidArgument", s3.put_bucket_acl, Bucket=bucket, GrantRead="id=nobody-has-this-id")
    refused("UnresolvableGrantByEmailAddress", s3.put_bucket_acl, Bucket=bucket,
            GrantRead="emailAddress=someone@example.com")
    refused("InvalidRequest", s3.put_object, Bucket=bucket, Key="x", Body=b"x", ACL="public-read",
            GrantRead=f"id={other_id}")


def test_bucket_owner_enforced_disables_acls(s3, bucket):
    refused("OwnershipControlsNotFoundError", s3.get_bucket_ownership_controls, Bucket=bucket)
    s3.put_bucket_acl(Bucket=bucket, ACL="public-read")
    enforced = {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    refused("InvalidBucketAclWithObjectOwnership", s3.put_bucket_ownership_controls, Bucket=bucket,
            OwnershipControls=enforced)
    s3.put_object(Bucket=bucket, Key="before", Body=b"x", ACL="public-read")

    s3.put_bucket_acl(Bucket=bucket, ACL="private")
    s3.put_bucket_ownership_controls(Bucket=bucket, OwnershipControls=enforced)
    rules = s3.get_bucket_ownership_controls(Bucket=bucket)["OwnershipControls"]["Rules"]
    assert rules == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    # the object's public grant no longer counts, and no ACL can be set
    assert anonymous_get(s3, f"{bucket}/before")[0] == 403
    assert [g["Permission"] for g in s3.get_object_acl(Bucket=bucket, Key="before")["Grants"]] == ["FULL_CONTROL"]
    for call in (lambda: s3.put_object(Bucket=bucket, Key="k", Body=b"x", ACL="public-read"),
                 lambda: s3.put_bucket_acl(Bucket=bucket, ACL="private"),
                 lambda: s3.put_object_acl(Bucket=bucket, Key="before", ACL="private")):
        refused("AccessControlListNotSupported", call)
    s3.put_object(Bucket=bucket, Key="k", Body=b"x", ACL="bucket-owner-full-control")

    s3.delete_bucket_ownership_controls(Bucket=bucket)
    assert anonymous_get(s3, f"{bucket}/before") == (200, b"x")  # the stored ACL counts again


def test_public_access_block(s3, bucket):
    s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": False, "BlockPublicPolicy": True,
        "RestrictPublicBuckets": False})
    conf = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert conf == {"BlockPublicAcls": True, "IgnorePublicAcls": False, "BlockPublicPolicy": True,
                    "RestrictPublicBuckets": False}
    refused("AccessDenied", s3.put_bucket_acl, Bucket=bucket, ACL="public-read")
    refused("AccessDenied", s3.put_object, Bucket=bucket, Key="k", Body=b"x", ACL="authenticated-read")
    s3.put_object(Bucket=bucket, Key="k", Body=b"x", ACL="private")
    s3.delete_public_access_block(Bucket=bucket)
    refused("NoSuchPublicAccessBlockConfiguration", s3.get_public_access_block, Bucket=bucket)


def test_an_upload_names_who_started_it_and_who_will_own_it(s3, bucket):
    other_id = os.environ["CAIRN_USER2_ACCESS_KEY"]
    owner_id = s3.get_bucket_acl(Bucket=bucket)["Owner"]["ID"]
    s3.put_bucket_ownership_controls(Bucket=bucket, OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerPreferred"}]})
    s3.put_bucket_acl(Bucket=bucket, GrantWrite=f"id={other_id}", GrantFullControl=f"id={owner_id}")
    other = user2()
    upload = other.create_multipart_upload(Bucket=bucket, Key="handed-over", ACL="bucket-owner-full-control")
    listed = s3.list_multipart_uploads(Bucket=bucket)["Uploads"]
    assert [(u["Initiator"]["ID"], u["Owner"]["ID"]) for u in listed] == [(other_id, owner_id)]
    part = other.upload_part(Bucket=bucket, Key="handed-over", UploadId=upload["UploadId"], PartNumber=1,
                             Body=b"data")
    parts = other.list_parts(Bucket=bucket, Key="handed-over", UploadId=upload["UploadId"])
    assert (parts["Initiator"]["ID"], parts["Owner"]["ID"]) == (other_id, owner_id)
    other.complete_multipart_upload(Bucket=bucket, Key="handed-over", UploadId=upload["UploadId"],
                                    MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})
    head = s3.head_object(Bucket=bucket, Key="handed-over")
    assert not any("upload" in k for k in head["Metadata"]), head["Metadata"]  # upload-only fields stay behind
    assert s3.get_object_acl(Bucket=bucket, Key="handed-over")["Owner"]["ID"] == owner_id
