# -*- coding: utf-8 -*-
"""Verify the fresh7 corpus.
- every page decodes with the charset its <meta> declares and parses
- every problem text occurs in the page's visible text (tags stripped, entities decoded)
- no clean page holds an 11-digit mobile or a check-digit-valid 18-digit ID
- problem pages: reported IDs are valid, cards pass Luhn, mobiles are 11 digits
"""
import json
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = "10X98765432"
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)
VOID = {"meta", "link", "br", "hr", "img", "input", "area", "base", "col", "embed", "source", "wbr"}


def id_valid(s):
    s = s.upper()
    return s[:17].isdigit() and CHK[sum(int(a) * b for a, b in zip(s[:17], W)) % 11] == s[17]


def luhn(num):
    t = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        t += d
    return t % 10 == 0


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip, self.stack, self.errors = [], 0, [], []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in VOID:
            return
        if tag in self.stack:
            while self.stack and self.stack[-1] != tag:
                self.errors.append("unclosed <%s> before </%s>" % (self.stack.pop(), tag))
            self.stack.pop()
        else:
            self.errors.append("stray </%s>" % tag)

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self.skip:
            self.parts.append(data)

    def text(self):
        return "".join(self.parts)


def visible_text(path):
    raw = open(path, "rb").read()
    m = CHARSET.search(raw[:2048])
    if not m:
        raise ValueError("no charset declared")
    cs = m.group(1).decode().lower()
    doc = raw.decode(cs)  # strict
    t = Text()
    t.feed(doc)
    t.close()
    return cs, doc, t


def main():
    truth = json.load(open(os.path.join(HERE, "truth.json"), encoding="utf-8"))
    fails = []
    files = sorted(os.listdir(os.path.join(HERE, "pages")))
    if len(files) != 44 or len(truth) != 44:
        fails.append("expected 44 pages and 44 truth rows, got %d / %d" % (len(files), len(truth)))
    charsets = Counter()
    for row in truth:
        path = os.path.join(HERE, "pages", row["file"])
        try:
            cs, doc, t = visible_text(path)
        except Exception as e:  # noqa: BLE001
            fails.append("%s: does not decode/parse: %s" % (row["file"], e))
            continue
        charsets[cs] += 1
        if t.errors:
            fails.append("%s: structure: %s" % (row["file"], "; ".join(t.errors[:3])))
        if t.stack and t.stack != []:
            fails.append("%s: unclosed at end: %s" % (row["file"], t.stack))
        if not t.title.strip():
            fails.append("%s: empty <title>" % row["file"])
        text = t.text()
        clean = row["expected_decision"] == "approve"
        if clean and row["problems"]:
            fails.append("%s: clean page lists problems" % row["file"])
        if not clean and not (1 <= len(row["problems"]) <= 2):
            fails.append("%s: problem page must have 1-2 problems" % row["file"])
        for pr in row["problems"]:
            if pr["text"] not in text:
                fails.append("%s: problem text not in visible text: %r" % (row["file"], pr["text"]))
            if "<!--" in doc and pr["text"] in "".join(re.findall(r"<!--.*?-->", doc, re.S)):
                fails.append("%s: problem text inside a comment" % row["file"])
            if pr["kind"] == "full_id_number" and not id_valid(pr["text"]):
                fails.append("%s: planted ID has bad check digit" % row["file"])
            if pr["kind"] == "bank_card_number" and not luhn(pr["text"].replace(" ", "")):
                fails.append("%s: planted card fails Luhn" % row["file"])
            if pr["kind"] == "private_mobile" and not MOBILE.fullmatch(pr["text"]):
                fails.append("%s: planted mobile malformed" % row["file"])
        if clean:
            for m in MOBILE.findall(text):
                fails.append("%s: clean page has mobile %s" % (row["file"], m))
            for m in ID18.findall(text):
                if id_valid(m):
                    fails.append("%s: clean page has valid ID %s" % (row["file"], m))
            for mark in ("秘密★", "机密★", "内部资料", "内部使用", "请审核", "待核实"):
                if mark in text:
                    fails.append("%s: clean page contains %s" % (row["file"], mark))
    n_clean = sum(r["expected_decision"] == "approve" for r in truth)
    print("pages:", len(truth), "clean:", n_clean, "problem:", len(truth) - n_clean)
    print("charsets:", dict(charsets))
    print("types:", dict(Counter(r["type"] for r in truth)))
    print("kinds:", dict(Counter(p["kind"] for r in truth for p in r["problems"])))
    if fails:
        print("FAIL")
        for f in fails:
            print("  -", f)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
