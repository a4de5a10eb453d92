#!/usr/bin/env bash
# Installs what the tests need beyond npm, when missing: Debian's Chromium (the e2e browser),
# LibreOffice Calc and Writer + poppler (render what we write; Writer turns .docx into PDF), a CJK font, xmllint (manifest XSD).
# Idempotent; says clearly what it cannot do. Never downloads browsers of its own.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc libreoffice-core)
ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || need+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk" || need+=(fonts-wqy-zenhei)

if [ ${#need[@]} -eq 0 ]; then
  echo "system deps: all present (chromium, soffice with Calc and Writer, pdftoppm, xmllint, CJK font)"
  exit 0
fi

echo "system deps: installing ${need[*]}"
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "system deps: cannot install ${need[*]}: not root and no sudo. Install them with apt-get, then rerun." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || { echo "system deps: apt-get update failed" >&2; exit 1; }
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || { echo "system deps: apt-get install ${need[*]} failed" >&2; exit 1; }
echo "system deps: installed ${need[*]}"
