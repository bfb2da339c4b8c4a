#!/usr/bin/env python3
"""Sums doctest's test-case counts over meson test logs and prints 'tests: N passed, M failed'.
A test executable that crashed counts as one failed test; a test without a doctest summary (a
fuzz target's run) counts as one test, passed or failed."""
import json, re, sys

passed = failed = 0
summary = re.compile(r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        test = json.loads(line)
        m = summary.search(test.get("stdout", ""))
        if m:
            passed += int(m.group(2))
            failed += int(m.group(3))
        if test.get("result") != "OK" and (not m or int(m.group(3)) == 0):
            failed += 1
        elif not m:
            passed += 1
print(f"tests: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
