#!/usr/bin/env bash
# Builds the Debian package of pubgate with dpkg-deb: the binary in /usr/bin, the rules in
# /usr/share/pubgate/rules (where the binary looks first, ../share/pubgate/rules from itself), the
# man page made by swift-argument-parser's generate-manual plugin, bash/zsh/fish completions, the
# systemd units of docs/ops (pointed at /usr/bin), and a postinst that makes the `pubgate` system
# user. Depends: is derived from the binary by dpkg-shlibdeps (the C libraries it links), plus
# poppler-utils (run for PDFs) and adduser (postinst).
#
#   Scripts/build-deb.sh [--out DIR]     release build, Swift runtime linked statically → DIR (out/deb)
#   Scripts/build-deb.sh --binary PATH --manual FILE [--allow-toolchain-runtime] [--compression gzip]
#       package an existing binary and man page (the test suite packages its debug build, whose
#       Swift runtime comes from the toolchain: --allow-toolchain-runtime says so knowingly)
#
# Prints the path of the .deb on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/deb
binary=""
manual=""
allow_toolchain=0
compression=xz
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        --manual) manual=$2; shift 2 ;;
        --allow-toolchain-runtime) allow_toolchain=1; shift ;;
        --compression) compression=$2; shift 2 ;;
        *) echo "usage: $0 [--out DIR] [--binary PATH --manual FILE [--allow-toolchain-runtime]] [--compression xz|gzip|none]" >&2; exit 64 ;;
    esac
done
if { [ -n "$binary" ] && [ -z "$manual" ]; } || { [ -z "$binary" ] && [ -n "$manual" ]; }; then
    echo "$0: give --binary and --manual together" >&2
    exit 64
fi
# Reproducible: file times and the man page's date are the last commit's.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
date_iso=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)

if [ -z "$binary" ]; then
    # The plugin builds every product itself and runs `pubgate --experimental-dump-help`: the
    # debug build says the same as the release one and is quicker (a release build for the plugin
    # would be thrown away: the static build below compiles everything again).
    swift package --disable-sandbox plugin generate-manual --configuration debug --date "$date_iso" >&2
    manual=.build/plugins/GenerateManual/outputs/pubgate/pubgate.1
    swift build -c release --product pubgate --static-swift-stdlib >&2
    binary=.build/release/pubgate
fi
[ -x "$binary" ] || { echo "$0: $binary is not an executable" >&2; exit 66; }
[ -f "$manual" ] || { echo "$0: no man page at $manual (swift package plugin generate-manual makes it)" >&2; exit 66; }

version=$("$binary" --version)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/pubgate_${version}_$arch
install -d "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/pubgate/rules/messages" "$stage/usr/share/man/man1" \
    "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
    "$stage/usr/share/fish/vendor_completions.d" "$stage/lib/systemd/system" "$stage/usr/share/doc/pubgate/examples"

install -m 0755 "$binary" "$stage/usr/bin/pubgate"
strip --strip-unneeded "$stage/usr/bin/pubgate"
install -m 0644 Rules/*.yaml "$stage/usr/share/pubgate/rules/"
install -m 0644 Rules/messages/*.yaml "$stage/usr/share/pubgate/rules/messages/"
gzip -9n <"$manual" >"$stage/usr/share/man/man1/pubgate.1.gz"
"$stage/usr/bin/pubgate" --generate-completion-script bash >"$stage/usr/share/bash-completion/completions/pubgate"
"$stage/usr/bin/pubgate" --generate-completion-script zsh >"$stage/usr/share/zsh/vendor-completions/_pubgate"
"$stage/usr/bin/pubgate" --generate-completion-script fish >"$stage/usr/share/fish/vendor_completions.d/pubgate.fish"
# The units of docs/ops, whatever they hold, pointed at the packaged binary; the cron line and the
# notes as documentation (a cron.d file would run before the site path is set).
for unit in docs/ops/*.service docs/ops/*.timer docs/ops/*.path; do
    [ -e "$unit" ] || continue
    sed 's|/usr/local/bin/pubgate|/usr/bin/pubgate|g' "$unit" >"$stage/lib/systemd/system/$(basename "$unit")"
done
sed 's|/usr/local/bin/pubgate|/usr/bin/pubgate|g' docs/ops/pubgate.cron >"$stage/usr/share/doc/pubgate/examples/pubgate.cron"
install -m 0644 docs/ops/sweep.yml "$stage/usr/share/doc/pubgate/examples/sweep.yml"
gzip -9n <docs/ops/README.md >"$stage/usr/share/doc/pubgate/README.ops.md.gz"
gzip -9n <README.md >"$stage/usr/share/doc/pubgate/README.md.gz"
cat >"$stage/usr/share/doc/pubgate/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: pubgate
Comment: Built from the pubgate repository by Scripts/build-deb.sh. The binary links the Swift
 runtime and the Swift packages named in Package.swift (swift-argument-parser, Yams, swift-crypto,
 GRDB.swift, swift-mustache, ZIPFoundation) statically; each keeps its own licence.
EOF
install -m 0755 packaging/debian/postinst packaging/debian/postrm "$stage/DEBIAN/"

# Every shared library the binary loads must come from a Debian package (ldd, then dpkg -S); the
# Swift runtime is linked statically by the release build, so only a debug build meets it here.
unpackaged=()
while read -r lib; do
    dpkg -S "$(readlink -f "$lib")" >/dev/null 2>&1 || dpkg -S "$lib" >/dev/null 2>&1 || unpackaged+=("$lib")
done < <(ldd "$stage/usr/bin/pubgate" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }')
if [ ${#unpackaged[@]} -gt 0 ]; then
    if [ "$allow_toolchain" -eq 1 ]; then
        echo "$0: note: not from a Debian package (a debug build's Swift runtime): ${unpackaged[*]}" >&2
    else
        echo "$0: these libraries come from no Debian package: ${unpackaged[*]}" >&2
        echo "$0: build with --static-swift-stdlib (the default build does)" >&2
        exit 1
    fi
fi
# dpkg-shlibdeps reads the package's name from debian/control in the folder it runs in.
install -d "$work/src/debian"
printf 'Source: pubgate\n\nPackage: pubgate\nArchitecture: any\n' >"$work/src/debian/control"
shlibs=$(cd "$work/src" && dpkg-shlibdeps -O --ignore-missing-info "$stage/usr/bin/pubgate" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "$0: dpkg-shlibdeps found no libraries" >&2; exit 1; }

cat >"$stage/DEBIAN/control" <<EOF
Package: pubgate
Version: $version
Architecture: $arch
Maintainer: pubgate maintainers <pubgate@example.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $shlibs, poppler-utils, adduser
Recommends: git
Section: utils
Priority: optional
Description: pre-publication review of government web content
 Reviews documents before a government website publishes them (HTML, XML,
 Markdown, text, Word, spreadsheets, OFD and PDF in any encoding): state-secret
 and internal marks, personal data, process information, 公开属性 and the
 政务公开 publication rules; approve/reject manifests that never repeat what
 they found. Also the pre-commit gate of a content repository and the nightly
 expiry sweep of the published site (systemd units, user pubgate).
EOF
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
deb="$out/pubgate_${version}_$arch.deb"
level=()
[ "$compression" = gzip ] && level=(-z1)
dpkg-deb --root-owner-group -Z"$compression" "${level[@]}" --build "$stage" "$deb" >&2
echo "$deb"
