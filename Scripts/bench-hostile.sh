#!/usr/bin/env bash
# How long pubgate (release) takes to refuse hostile input — numbers the tests used to assert with
# a wall clock, which a loaded debug build cannot promise. Prints seconds and peak memory for:
# the 128 MiB zip bomb fixture, a "billion laughs" YAML block as a page's front matter (nine
# levels of nine aliases), a rule that backtracks catastrophically on a 5,000-character line
# (PCRE2's match limit must end it), and a Markdown page of emphasis nested 50,000 deep (each level
# once walked the rest of the stars: 20 s). Measured, not asserted: quote them, compare them.
#   Scripts/bench-hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pubgate >/dev/null 2>&1
bin=.build/release/pubgate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() {
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
    # GNU time puts "Command exited with non-zero status N" first when pubgate rejects (it does here).
    read -r seconds kb < <(tail -n 1 "$work/time")
    printf '%-32s %6s s  %6d MiB peak\n' "$label" "$seconds" $((kb / 1024))
}
measure "zip bomb (bomb.docx)" "$bin" review Tests/Fixtures/Ingest/bomb.docx --out "$work/bomb" --quiet
{
    printf -- '---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n'
    for level in 1 2 3 4 5 6 7 8 9; do
        printf 'a%d: &a%d [' "$level" "$level"
        for i in 1 2 3 4 5 6 7 8 9; do printf '*a%d%s' $((level - 1)) "$([ $i -lt 9 ] && echo ', ')"; done
        printf ']\n'
    done
    printf -- '---\n联系手机13912345678\n'
} >"$work/laughs.md"
measure "YAML alias bomb (front matter)" "$bin" review "$work/laughs.md" --out "$work/laughs" --quiet
mkdir -p "$work/rules"
cp Rules/*.yaml "$work/rules/"
cat >"$work/rules/runaway.yaml" <<'YAML'
version: 1
rules:
  - id: runaway
    title: t
    kind: format
    severity: fix
    pattern: '(a+)+$'
    examples: {match: [aaa]}
YAML
{ printf 'a%.0s' $(seq 5000); printf '!\naaa\n'; } >"$work/runaway.txt"
measure "catastrophic backtracking" "$bin" review "$work/runaway.txt" --out "$work/runaway" --rules "$work/rules" --quiet
python3 -c "print('*' * 100000 + '内部资料' + '*' * 100000)" >"$work/emphasis.md"
measure "emphasis nested 50,000 deep" "$bin" review "$work/emphasis.md" --out "$work/emphasis" --quiet
