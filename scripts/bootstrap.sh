#!/usr/bin/env bash
# Installs everything Tidtam needs on a fresh Debian 12 machine, idempotently:
# system packages (Thai fonts, poppler, Chromium for browser tests, LibreOffice for DOCX preview),
# the Python 3.13 virtualenv from the pinned requirements, and Sarabun into fontconfig.
# Usage: scripts/bootstrap.sh [run|dev|bench]   ("dev" adds test/lint tools and Chromium,
# "bench" adds Locust on top of dev)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-run}"

APT_PKGS=(fonts-thai-tlwg poppler-utils gettext libpango-1.0-0 libpangoft2-1.0-0)
if [ "$MODE" != run ]; then APT_PKGS+=(chromium chromium-driver libreoffice-writer-nogui); fi

missing=()
for p in "${APT_PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "ต้องติดตั้งแพ็กเกจระบบ (ต้องใช้ root): ${missing[*]}" >&2; exit 1
  fi
  echo "==> apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Django 6 needs Python >= 3.12; the machine's python3 is 3.11, pyenv has 3.13.0 (.python-version).
PY=""
if command -v pyenv >/dev/null 2>&1 && pyenv prefix "$(cat .python-version)" >/dev/null 2>&1; then
  PY="$(pyenv prefix "$(cat .python-version)")/bin/python3"
else
  for c in python3.13 python3.12 python3; do
    if command -v "$c" >/dev/null && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then PY="$(command -v "$c")"; break; fi
  done
fi
[ -n "$PY" ] || { echo "ไม่พบ Python 3.12 ขึ้นไป" >&2; exit 1; }

REQ=requirements.txt; [ "$MODE" = dev ] && REQ=requirements-dev.txt
[ "$MODE" = bench ] && REQ=requirements-bench.txt
STAMP=".venv/.installed-$MODE"
if [ ! -x .venv/bin/python ]; then echo "==> venv ($PY)"; "$PY" -m venv .venv; fi
if [ ! -f "$STAMP" ] || [ requirements.txt -nt "$STAMP" ] || [ requirements-dev.txt -nt "$STAMP" ] || [ "$REQ" -nt "$STAMP" ]; then
  echo "==> pip install -r $REQ"
  .venv/bin/pip install -q --disable-pip-version-check -r "$REQ" 2>&1 | grep -v 'is ignored' || true
  .venv/bin/pip check >/dev/null
  touch "$STAMP"
fi

# LibreOffice and Chromium find fonts through fontconfig; WeasyPrint uses @font-face directly.
FONT_DST=/usr/local/share/fonts/truetype/sarabun
if [ ! -f "$FONT_DST/Sarabun-Regular.ttf" ] && [ "$(id -u)" = 0 ]; then
  install -d "$FONT_DST"
  install -m 0644 tidtam/static/fonts/Sarabun-*.ttf "$FONT_DST/"
  fc-cache -f >/dev/null
fi
