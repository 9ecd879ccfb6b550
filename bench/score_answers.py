#!/usr/bin/env python3
"""Scores the bot's answers to a question bank and prints the figures per part, per language and
per question type (Python 3 standard library only).

Usage: score_answers.py [--failures] [--strict-only] QUESTIONS.jsonl ANSWERS.jsonl [PART]

QUESTIONS.jsonl, one object per line:
    {"id", "lang": "da"|"en", "question", "answerable": true|false,
     "expect_all": [...], "expect_any": [...], "type": "who"|"when"|... (optional), "form": ... (optional)}
ANSWERS.jsonl, one object per line (what `superbot ask --jsonl` writes):
    {"id", "answer", "confident": true|false}

Rules (the same as the shared development scorer, kept here so the repository scores on its own):
  * answerable: right when the answer contains every expect_all string and, if expect_any is not
    empty, one of them (case-insensitive, Unicode NFKC, typographic quotes and dashes unified,
    whitespace collapsed), in the answer's body: stricter than the shared scorer, which also
    searches the source line and the buttons under it. Strict: also wrong when the answer says it does not know
    (confident false or a not-knowing phrase). Strict is the acceptance figure.
  * unanswerable: right when the answer says it does not know (confident false or a phrase).
  * every answer at most 800 bytes before the source line ("Kilde: " / "Source: ").
"""
import argparse
import collections
import json
import re
import sys
import unicodedata

NOT_KNOWING = [
    "ved ikke", "ved jeg ikke", "ved det ikke", "kan ikke finde", "kan jeg ikke finde", "kunne ikke finde",
    "kunne jeg ikke finde", "kan ikke svare", "kan jeg ikke svare", "kan ikke besvare", "kan jeg ikke besvare",
    "kan ikke give et svar", "ikke muligt at svare", "ikke i stand til at svare", "har ikke information",
    "har ingen information", "har ikke nogen information", "har ikke oplysninger", "har ingen oplysninger",
    "har ikke nogen oplysninger", "ingen oplysninger om", "ingen information om", "ingen viden om",
    "har ikke viden om", "har ikke adgang til oplysninger", "kender ikke", "kender jeg ikke", "fremgår ikke",
    "står ikke", "nævnes ikke", "nævner ikke", "ikke nævnt", "beskrives ikke", "beskriver ikke", "ikke beskrevet",
    "angives ikke", "angiver ikke", "ikke angivet", "oplyses ikke", "ikke oplyst", "dækkes ikke", "dækker ikke",
    "ikke dækket", "indeholder ikke", "findes ikke i", "ikke i dokumenterne", "ikke i materialet",
    "ikke i kilderne", "ikke i mine kilder", "ikke i mit materiale", "uden for mit vidensgrundlag", "intet svar",
    "ingen svar",
    "don't know", "do not know", "dont know", "not sure", "no answer", "cannot answer", "can't answer",
    "cant answer", "unable to answer", "not able to answer", "cannot find", "can't find", "cant find",
    "could not find", "couldn't find", "unable to find", "did not find", "didn't find", "no information",
    "don't have information", "do not have information", "don't have any information",
    "do not have any information", "not mentioned", "not covered", "not specified", "not stated",
    "not described", "not included in", "does not contain", "doesn't contain", "do not contain",
    "don't contain", "not in the documents", "not in the provided", "not available in", "outside the scope",
    "beyond the scope",
]

_TRANS = {
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x00B4: "'", 0x0060: "'",
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x00AB: '"', 0x00BB: '"',
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    0x00AD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None,
    0x00A0: " ", 0x202F: " ", 0x2007: " ",
}
LIMIT = 800


def norm(text):
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_TRANS).lower()
    return " " + re.sub(r"\s+", " ", text).strip() + " "


def term(t):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(t or "")).translate(_TRANS).lower())


PHRASES = [term(p).strip() for p in NOT_KNOWING]


def read_jsonl(path):
    with open(path, encoding="utf-8-sig") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def says_not_knowing(record):
    if record.get("confident", True) is False:
        return True
    text = norm(record.get("answer", ""))
    return any(p in text for p in PHRASES)


def body_of(answer):
    """The answer before its source line, without the citation and the buttons under it."""
    return answer.split("\n\nKilde: ")[0].split("\n\nSource: ")[0]


def body_bytes(answer):
    return len(body_of(answer).encode("utf-8"))


def judge(question, record):
    """(right under the strict rule, right under the lenient rule, why not)."""
    if record is None:
        return False, False, "missing answer"
    answerable = question.get("answerable", True) is not False
    if not answerable:
        ok = says_not_knowing(record)
        return ok, ok, "" if ok else "answered confidently: " + record.get("answer", "")[:160].replace("\n", " ")
    # Only the body counts: the source line names documents and the feedback buttons say "ja" and
    # "nej", so a term found there would pass an answer that does not state the fact.
    text = norm(body_of(record.get("answer", "")))
    missing = [t for t in (term(x) for x in question.get("expect_all") or []) if t not in text]
    wanted = [term(x) for x in question.get("expect_any") or []]
    any_ok = not wanted or any(t in text for t in wanted)
    lenient = not missing and any_ok
    strict = lenient and not says_not_knowing(record)
    why = []
    if missing:
        why.append("missing %s" % missing)
    if not any_ok:
        why.append("none of %s" % wanted)
    if lenient and not strict:
        why.append("declined")
    if why:
        why.append("answer: " + record.get("answer", "")[:160].replace("\n", " "))
    return strict, lenient, "; ".join(why)


def pct(a, b):
    return "%d/%d = %.1f %%" % (a, b, 100.0 * a / b if b else 0.0)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Scores answers per part, language and question type.")
    ap.add_argument("questions")
    ap.add_argument("answers")
    ap.add_argument("part", nargs="?", default="")
    ap.add_argument("--failures", action="store_true", help="print every question answered wrong")
    args = ap.parse_args(argv)

    questions = read_jsonl(args.questions)
    answers = {a["id"]: a for a in read_jsonl(args.answers)}
    part = args.part or args.questions
    rows = []
    for q in questions:
        rec = answers.get(q["id"])
        strict, lenient, why = judge(q, rec)
        too_long = rec is not None and body_bytes(rec.get("answer", "")) > LIMIT
        rows.append({"q": q, "strict": strict, "lenient": lenient, "why": why, "too_long": too_long,
                     "answerable": q.get("answerable", True) is not False})
        if args.failures and not strict:
            print("FAIL %s [%s/%s] %s :: %s" % (q["id"], q.get("lang", "?"), q.get("type", "-"), q["question"], why))
        if too_long:
            print("TOO LONG %s: %d bytes before the source line" % (q["id"], body_bytes(rec.get("answer", ""))))

    def figures(selection):
        ans = [r for r in selection if r["answerable"]]
        una = [r for r in selection if not r["answerable"]]
        return (sum(r["strict"] for r in ans), len(ans), sum(r["lenient"] for r in ans),
                sum(r["strict"] for r in una), len(una))

    def line(label, selection):
        a_ok, a_n, a_len, u_ok, u_n = figures(selection)
        parts = []
        if a_n:
            parts.append("answerable %s" % pct(a_ok, a_n))
        if u_n:
            parts.append("unanswerable declined %s" % pct(u_ok, u_n))
        return "  %-22s %s" % (label, " | ".join(parts))

    a_ok, a_n, a_len, u_ok, u_n = figures(rows)
    print("PART %s: %d questions" % (part, len(rows)))
    print("  answerable right (strict) %s  [lenient %s]" % (pct(a_ok, a_n), pct(a_len, a_n)))
    print("  unanswerable declined    %s" % pct(u_ok, u_n))
    print("  answers over %d bytes    %d" % (LIMIT, sum(r["too_long"] for r in rows)))
    print(" by language:")
    for lang in sorted({r["q"].get("lang", "?") for r in rows}):
        print(line(lang, [r for r in rows if r["q"].get("lang", "?") == lang]))
    if any("type" in r["q"] for r in rows):
        print(" by question type:")
        for t in sorted({r["q"].get("type", "-") for r in rows}):
            print(line(t, [r for r in rows if r["q"].get("type", "-") == t]))
    if any("form" in r["q"] for r in rows):
        print(" by form:")
        for f in sorted({r["q"].get("form", "-") for r in rows}):
            print(line(f, [r for r in rows if r["q"].get("form", "-") == f]))
    print("SUMMARY %s answerable %s | unanswerable %s | over %d bytes %d" % (
        part, pct(a_ok, a_n), pct(u_ok, u_n), LIMIT, sum(r["too_long"] for r in rows)))
    return 1 if any(r["too_long"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
