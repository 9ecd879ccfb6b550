#!/usr/bin/env python3
"""Checks the team's question bank files: every line valid JSON with the required fields.

Usage: python3 bench/questions/check.py [FILE.jsonl ...]   (default: every part in PREFIX here)
Prints one line per file and exits non-zero on the first kind of defect it finds.
"""
import json
import os
import re
import sys

TYPES = {"hvem", "hvornaar", "hvad_er", "staar_for", "hvor_tit", "hvordan", "maa", "hvor", "opgaver", "other",
         "unanswerable", "command"}
PREFIX = {"tune.jsonl": "t", "heldout.jsonl": "h", "tune2.jsonl": "n", "tune3.jsonl": "m"}


def check_file(path, seen_questions):
    errors, rows = [], 0
    prefix = PREFIX.get(os.path.basename(path))
    ids = set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{path}:{n}"
            try:
                q = json.loads(line)
            except ValueError as exc:
                errors.append(f"{where}: not JSON ({exc})")
                continue
            rows += 1
            for key, kind in (("id", str), ("lang", str), ("question", str), ("answerable", bool),
                              ("expect_all", list), ("expect_any", list), ("source", str), ("type", str)):
                if not isinstance(q.get(key), kind):
                    errors.append(f"{where}: field {key!r} missing or not {kind.__name__}")
            if errors and errors[-1].startswith(where):
                continue
            if prefix and not re.fullmatch(prefix + r"\d{3}", q["id"]):
                errors.append(f"{where}: id {q['id']!r} does not look like {prefix}NNN")
            if q["id"] in ids:
                errors.append(f"{where}: duplicate id {q['id']}")
            ids.add(q["id"])
            if q["lang"] not in ("da", "en"):
                errors.append(f"{where}: lang {q['lang']!r}")
            if q["type"] not in TYPES:
                errors.append(f"{where}: type {q['type']!r}")
            terms = q["expect_all"] + q["expect_any"]
            if q["answerable"] != (q["type"] not in ("unanswerable", "command")):
                errors.append(f"{where}: answerable does not fit type {q['type']}")
            if q["answerable"] and not terms:
                errors.append(f"{where}: answerable but nothing expected")
            if not q["answerable"] and terms:
                errors.append(f"{where}: not answerable but expects terms")
            if any(not isinstance(t, str) or not t or t != t.lower() for t in terms):
                errors.append(f"{where}: expected terms must be non-empty lower-case strings")
            key = q["question"].strip().lower()
            if key in seen_questions:
                errors.append(f"{where}: question also in {seen_questions[key]}")
            seen_questions[key] = where
    return rows, errors


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = argv or [os.path.join(here, p) for p in PREFIX if os.path.exists(os.path.join(here, p))]
    seen, failed = {}, False
    for path in paths:
        rows, errors = check_file(path, seen)
        for e in errors:
            print(e)
        failed |= bool(errors)
        print(f"{path}: {rows} questions, {len(errors)} defects")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
