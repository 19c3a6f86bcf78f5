#!/usr/bin/env bash
# Peak memory of reviewing one large file (release build): a generated text file of SIZE_MB
# megabytes (default 200) with lines, the same as one line, and an HTML page; prints each file's
# size, the peak RSS (/usr/bin/time %M) and its ratio to the file. The bound pubgate keeps: under
# 4x the file and under 1 GB for 200 MB (large text files are read in windows, Pipeline.md §1).
#   Scripts/bench-memory.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
swift build -c release --product pubgate >/dev/null 2>&1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$size" <<'PY'
import random, sys
out, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
r = random.Random(5)
words = '关于 做好 夏季 防汛 工作 的 通知 各 单位 请 值班 安排 人员 到岗 确保 安全 road works closed detour 2025 年 6 月'.split()
pool = [' '.join(r.choice(words) for _ in range(r.randint(5, 40))) for _ in range(2000)]
def write(name, sep, head='', tail='', wrap=lambda s: s):
    with open(f'{out}/{name}', 'w') as f:
        f.write(head)
        n, i = 0, 0
        while n < size:
            s = wrap('联系人手机13912345678' if i % 5000 == 0 else pool[i % 2000]) + sep
            f.write(s); n += len(s.encode()); i += 1
        f.write(tail)
write('lines.txt', '\n')
write('one-line.txt', ' ')
write('page.html', '\n', '<html><body>\n', '</body></html>\n', lambda s: '<p>' + s + '</p>')
PY
for f in lines.txt one-line.txt page.html; do
  bytes=$(stat -c %s "$dir/$f")
  /usr/bin/time -o "$dir/peak" -f %M .build/release/pubgate review "$dir/$f" --out "$dir/out" --quiet --as-of 2025-06-30 >/dev/null 2>&1 || true
  kb=$(tail -1 "$dir/peak")
  awk -v f="$f" -v b="$bytes" -v k="$kb" 'BEGIN { printf "%-13s %6.1f MB  peak %6.1f MB  %.2fx\n", f, b / 1e6, k / 1024, k * 1024 / b }'
done
