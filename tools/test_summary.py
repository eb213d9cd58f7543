#!/usr/bin/env python3
"""Counts test cases from JUnit XML reports and prints `N passed, N failed, N skipped`.

Bazel reports targets, not test cases. This reads each test target's
bazel-testlogs/<package>/<target>/test.xml (GoogleTest writes one per binary;
Bazel writes one for a target that crashed) plus any extra JUnit files given
(the other languages' runners). A test target without a report counts as one
failure: it did not run.
"""
import argparse
import pathlib
import sys
import xml.etree.ElementTree as ET


def count(report: pathlib.Path):
    passed = failed = skipped = 0
    try:
        root = ET.parse(report).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"unreadable test report {report}: {error}", file=sys.stderr)
        return 0, 1, 0
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif (case.find("skipped") is not None
              or case.get("result") in ("skipped", "suppressed")
              or case.get("status") == "notrun"):
            skipped += 1
        else:
            passed += 1
    # A target that failed without a single test case (crash before main,
    # timeout) still failed.
    if passed + failed + skipped == 0:
        for suite in root.iter("testsuite"):
            if int(suite.get("failures", 0)) or int(suite.get("errors", 0)):
                failed += 1
                break
    return passed, failed, skipped


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--testlogs", default="bazel-testlogs")
    parser.add_argument("--targets", help="file listing the test targets, one label per line")
    parser.add_argument("reports", nargs="*", help="extra JUnit XML files")
    args = parser.parse_args()

    reports = []
    missing = 0
    testlogs = pathlib.Path(args.testlogs)
    if args.targets:
        for label in pathlib.Path(args.targets).read_text().split():
            path = label.lstrip("/").replace(":", "/")
            report = testlogs / path / "test.xml"
            if report.exists():
                reports.append(report)
            else:
                print(f"no test report for {label}: it did not run", file=sys.stderr)
                missing += 1
    reports += [pathlib.Path(r) for r in args.reports]

    totals = [0, missing, 0]
    for report in reports:
        for i, n in enumerate(count(report)):
            totals[i] += n
    passed, failed, skipped = totals
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
