#!/usr/bin/env bash
# Renders the reviewer's HTML report of a review in headless Chromium (Debian's `chromium`) and
# saves a screenshot, to look at the page as a reviewer sees it; checks that no valid resident ID
# number appears anywhere in the page source.
#   Scripts/report-screenshot.sh [DRAFTS_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
drafts=${1:-../shared/eval/drafts}
out=${2:-out/report}
command -v chromium >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
swift build --product pubgate >/dev/null
.build/debug/pubgate review "$drafts" --out "$out" --as-of 2025-06-30 --format html,sarif --quiet || true
python3 - "$out/report.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ids = [m for m in re.findall(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])", page)
       if "10X98765432"[sum(int(a) * b for a, b in zip(m[:17], w)) % 11] == m[17] and 1 <= int(m[10:12]) <= 12]
print(f"{sys.argv[1]}: {len(page)} bytes, {len(ids)} resident ID numbers in the source")
sys.exit(1 if ids else 0)
PY
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800 \
  --screenshot="$PWD/$out/report.png" "file://$PWD/$out/report.html" 2>/dev/null
echo "screenshot: $out/report.png"
