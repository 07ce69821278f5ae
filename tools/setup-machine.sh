#!/usr/bin/env bash
# Installs the one system package the workbook needs beyond the .NET SDK: Debian's Chromium, which renders
# the PNG figures (Plotly.NET.ImageExport drives it; nothing downloads a browser). Safe to run again.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "setup: chromium present ($(chromium --version 2>/dev/null | head -n 1))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: no apt-get here; install Chromium with your package manager so /usr/bin/chromium exists" >&2
  echo "setup: (without it the workbook still runs, but PNG figure export stops with an error)" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "setup: installing chromium with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
echo "setup: $(chromium --version | head -n 1)"
