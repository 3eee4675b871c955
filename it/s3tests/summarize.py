"""Reads the JSON lines cairn_s3tests_report.py wrote and prints what it/s3tests/run prints at the end.

    python3 summarize.py RESULTS.jsonl [--passing-out FILE] [--top N]

Prints a table per group (a feature area guessed from the test's name), the most common reasons for the
tests that did not pass, and as its last line exactly 'N passed, N failed' (failed counts failures and
errors; skipped tests are in the table only). Writes the sorted ids of the passing tests to --passing-out.
"""
import collections
import json
import re
import sys

# First match wins: a test's group is the first whose pattern its name contains.
GROUPS = [
    ("multipart", r"multipart|upload_part|_mpu"),
    ("versioning", r"versioning|versioned|version|delete_marker"),
    ("copy", r"copy"),
    ("post-object", r"post_object"),
    ("presigned", r"presign"),
    ("cors", r"cors"),
    ("checksum", r"checksum"),
    ("acl", r"acl|grant|ownership"),
    ("policy", r"policy|public_block|block_public"),
    ("tagging", r"tagging|_tags?(_|$)"),
    ("ranges", r"range"),
    ("conditional", r"_if_|ifmatch|ifnonematch|ifmodified|ifunmodified|conditional|cond_"),
    ("listing", r"list|prefix|delimiter|marker|maxkeys|max_keys|continuation|fetchowner|startafter"),
    ("auth", r"auth|signature|anon|unsigned|aws2|aws4|_date_|_expired|amz_date"),
    ("buckets", r"bucket"),
    ("objects", r"object|obj_|_obj|key"),
]


def group_of(test_id):
    name = test_id.split("::")[-1]
    for group, pattern in GROUPS:
        if re.search(pattern, name):
            return group
    return "other"


def reason_key(reason):
    """One short label per cause: the S3 error code and operation for a ClientError, else the first line."""
    m = re.search(r"An error occurred \(([^)]*)\) when calling the (\w+) operation", reason)
    if m:
        return "ClientError %s" % m.group(1)
    m = re.match(r"(?:[\w.]+\.)?(\w+(?:Error|Exception|Timeout|Failed))\b:?\s*(.*)", reason)
    if m:
        detail = re.sub(r"\s+", " ", m.group(2))[:90]
        detail = re.sub(r"'[0-9a-z-]{20,}'", "'…'", detail)  # bucket names and ids vary per run
        return "%s: %s" % (m.group(1), detail) if detail else m.group(1)
    reason = re.sub(r"\s+\+\s+where .*", "", reason)  # pytest's "+ where 501 = <Response [501]>.status_code"
    return re.sub(r"\s+", " ", reason)[:100] or "(no message)"


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    path, passing_out, top = argv[0], None, 10
    i = 1
    while i < len(argv):
        if argv[i] == "--passing-out":
            passing_out = argv[i + 1]
            i += 2
        elif argv[i] == "--top":
            top = int(argv[i + 1])
            i += 2
        else:
            print("unknown option " + argv[i], file=sys.stderr)
            return 2
    results = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                results[r["id"]] = r
    table = collections.defaultdict(collections.Counter)
    reasons = collections.Counter()
    examples = {}
    for r in results.values():
        outcome = "failed" if r["outcome"] == "error" else r["outcome"]
        table[group_of(r["id"])][outcome] += 1
        if outcome == "failed":
            key = reason_key(r.get("reason", ""))
            reasons[key] += 1
            examples.setdefault(key, r["id"].split("::")[-1])
    print("%-12s %7s %7s %7s" % ("group", "passed", "failed", "skipped"))
    for group in sorted(table, key=lambda g: (-sum(table[g].values()), g)):
        c = table[group]
        print("%-12s %7d %7d %7d" % (group, c["passed"], c["failed"], c["skipped"]))
    if reasons:
        print()
        print("most common reasons for not passing (count, reason, one example):")
        for key, n in reasons.most_common(top):
            print("%5d  %s  [%s]" % (n, key, examples[key]))
    passing = sorted(r["id"] for r in results.values() if r["outcome"] == "passed")
    failed = sum(1 for r in results.values() if r["outcome"] in ("failed", "error"))
    if passing_out:
        with open(passing_out, "w", encoding="utf-8") as f:
            f.write("".join(t + "\n" for t in passing))
    skipped = sum(1 for r in results.values() if r["outcome"] == "skipped")
    if skipped:
        print("%d skipped" % skipped)
    print("%d passed, %d failed" % (len(passing), failed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
