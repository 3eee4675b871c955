"""Shared fixtures: a boto3 client for the node under test (endpoint and keys from the environment)."""
import os
import uuid

import boto3
import pytest
from botocore.config import Config


def client(access_key=None, secret_key=None, **config):
    return boto3.client(
        "s3",
        endpoint_url=os.environ["CAIRN_ENDPOINT"],
        aws_access_key_id=access_key or os.environ["CAIRN_ACCESS_KEY"],
        aws_secret_access_key=secret_key or os.environ["CAIRN_SECRET_KEY"],
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}, **config),
    )


@pytest.fixture
def s3():
    return client()


@pytest.fixture
def bucket(s3):
    name = "py-" + uuid.uuid4().hex[:12]
    s3.create_bucket(Bucket=name)
    yield name
    # empty and remove whatever the test left
    versions = s3.list_object_versions(Bucket=name)
    for v in versions.get("Versions", []) + versions.get("DeleteMarkers", []):
        s3.delete_object(Bucket=name, Key=v["Key"], VersionId=v["VersionId"])
    for u in s3.list_multipart_uploads(Bucket=name).get("Uploads", []):
        s3.abort_multipart_upload(Bucket=name, Key=u["Key"], UploadId=u["UploadId"])
    s3.delete_bucket(Bucket=name)
