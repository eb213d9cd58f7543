#!/usr/bin/env python3
"""Fails when any output of a test run contains card data or a secret.

Usage: tools/scan_secrets.py [--junit OUT.xml] PATH...   (files, or
directories searched for *.log and *.xml). The values come from tools/secret_patterns.txt: the
documented test card numbers and IBANs, and the keys and tokens the tests
configure. A hit prints the file and the kind of value, never the value.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_patterns():
    patterns = []
    with open(os.path.join(HERE, "secret_patterns.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                patterns.append(line.encode())
    return patterns


def files_under(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
        for root, _, names in os.walk(path, followlinks=True):
            for name in names:
                if name.endswith((".log", ".xml")):
                    yield os.path.join(root, name)


def kind(pattern):
    text = pattern.decode()
    if text.isdigit():
        return "card number ending %s" % text[-4:]
    if text[:2].isalpha() and text[2:4].isdigit():
        return "IBAN ending %s" % text[-4:]
    return "key or token (%d characters)" % len(text)


def write_junit(path, findings, scanned):
    from xml.sax.saxutils import escape, quoteattr
    failure = ""
    if findings:
        failure = "<failure message=%s>%s</failure>" % (
            quoteattr("%d secret(s) in test output" % len(findings)),
            escape("\n".join(findings)))
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>'
                '<testsuite name="scan_secrets" tests="1" failures="%d">'
                '<testcase name="NoCardDataOrSecretsInTestOutput" '
                'classname="scan_secrets">%s<system-out>%d files scanned'
                '</system-out></testcase></testsuite></testsuites>\n'
                % (1 if findings else 0, failure, scanned))


def main(argv):
    junit = None
    if argv[:1] == ["--junit"]:
        junit, argv = argv[1], argv[2:]
    patterns = load_patterns()
    findings = []
    scanned = 0
    for path in files_under(argv):
        if junit and os.path.abspath(path) == os.path.abspath(junit):
            continue
        scanned += 1
        with open(path, "rb") as f:
            content = f.read()
        for pattern in patterns:
            if pattern in content:
                findings.append("%s contains a %s" % (path, kind(pattern)))
    for finding in findings:
        print("scan_secrets: " + finding)
    print("scan_secrets: %d files scanned, %d hits" % (scanned, len(findings)))
    if junit:
        write_junit(junit, findings, scanned)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
