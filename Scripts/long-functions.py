#!/usr/bin/env python3
"""Lists the Swift functions (func, init, deinit, subscript) longer than LIMIT lines (default 60),
counted from the declaration to the closing brace at the declaration's indentation, and whether
the comment above one says why it is long (it mentions its length: "long", "lines", "one loop",
"in one piece" ...). The house rule: no function over ~60 lines without a reason in its comment.
  Scripts/long-functions.py [LIMIT] [FOLDER ...]      (default folders: Sources Tests)
Exits 1 when a function over the limit gives no reason."""
import os
import re
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 60
roots = sys.argv[2:] or ["Sources", "Tests"]
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
modifiers = r"(?:public|private|fileprivate|internal|package|static|class|final|override|mutating|nonisolated|convenience|required)"
declaration = re.compile(r"^(\s*)(?:@\w+(?:\([^)]*\))?\s+)*(?:" + modifiers + r"\s+)*(func\s+[^\s(<]+|init[?!]?\s*[(<]|deinit\b|subscript\s*[(<])")
reason = re.compile(r"\b(long|lines|length|one loop|one function|kept together|in one piece)\b", re.I)
unexplained = 0
for root in roots:
    for folder, _, names in os.walk(root):
        for name in sorted(n for n in names if n.endswith(".swift")):
            path = os.path.join(folder, name)
            lines = open(path, encoding="utf-8").read().split("\n")
            for i, line in enumerate(lines):
                m = declaration.match(line)
                if not m:
                    continue
                # The body opens on the first line with a brace (a declaration may run over lines);
                # a requirement without a body or a one-line body is skipped.
                j = next((k for k in range(i, min(i + 12, len(lines))) if "{" in lines[k]), None)
                if j is None or (lines[j].rstrip().endswith("}") and lines[j].count("{") <= lines[j].count("}")):
                    continue
                close = re.compile("^" + re.escape(m.group(1)) + r"\}")
                end = next((k for k in range(j + 1, len(lines)) if close.match(lines[k])), None)
                if end is None or end - i + 1 <= limit:
                    continue
                comment = []
                k = i - 1
                while k >= 0 and lines[k].strip().startswith(("//", "@")):
                    comment.append(lines[k])
                    k -= 1
                said = bool(reason.search(" ".join(comment)))
                unexplained += not said
                print(f"{end - i + 1:4d}  {'reason given' if said else 'NO REASON   '}  {path}:{i + 1}  {m.group(2).strip()}")
sys.exit(1 if unexplained else 0)
