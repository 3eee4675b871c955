"""pytest plugin loaded by it/s3tests/run (-p cairn_s3tests_report).

Writes one JSON line per test to the file named by CAIRN_S3TESTS_REPORT as soon as the test is done
(so a run cut short still leaves what it got): its id, outcome (passed, failed, error or skipped),
its markers and, when it did not pass, the one-line reason pytest reports.
Each test also gets a bucket prefix of its own (the suite draws one per session): the suite's set-up deletes
every bucket with the prefix and fails when it cannot, so one bucket a test leaves behind would otherwise
fail every test after it. The test that left it still fails in its own tear-down.

A test passes only when its set-up, call and tear-down all pass: s3-tests deletes its buckets in the
tear-down, so a server that cannot clean up fails the test.
"""
import json
import os
import sys

import pytest

_results = {}
_markers = {}


def _reason(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message.strip()
    if isinstance(report.longrepr, tuple):  # skips: (file, line, reason)
        return str(report.longrepr[2])
    lines = str(report.longrepr or "").strip().splitlines()
    return lines[-1] if lines else ""


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    for name in ("s3tests.functional", "s3tests_boto3.functional"):
        functional = sys.modules.get(name)
        if functional is not None and getattr(functional, "prefix", None) is not None:
            template = os.environ.get("CAIRN_S3TESTS_BUCKET_PREFIX", "s3t-{random}-")
            functional.prefix = functional.choose_bucket_prefix(template=template)


def pytest_collection_modifyitems(config, items):
    for item in items:
        _markers[item.nodeid] = sorted({m.name for m in item.iter_markers()})


def pytest_runtest_logreport(report):
    r = _results.setdefault(report.nodeid, {"id": report.nodeid, "outcome": "passed", "reason": ""})
    if report.failed:
        if r["outcome"] in ("passed", "skipped"):
            r["outcome"] = "failed" if report.when == "call" else "error"
            r["phase"] = report.when
            r["reason"] = _reason(report)
    elif report.skipped and r["outcome"] == "passed":
        r["outcome"] = "skipped"
        r["reason"] = _reason(report)
    if report.when == "teardown":
        r["markers"] = _markers.get(report.nodeid, [])
        path = os.environ.get("CAIRN_S3TESTS_REPORT")
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(r) + "\n")
