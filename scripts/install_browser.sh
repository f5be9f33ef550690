#!/usr/bin/env bash
# Install headless Chromium (Debian's `chromium` package) for the browser tests
# (tests/test_browser.py), if it is not there yet. Idempotent; needs root (or sudo)
# and a Debian/Ubuntu apt. Usage:  bash scripts/install_browser.sh
set -euo pipefail

for b in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$b" ] && [ -x "$b" ]; then
        echo "chromium present: $b"
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser.sh: no apt-get; install Chromium yourself and set CHROMIUM=/path/to/chromium" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install_browser.sh: need root (or sudo) to apt-get install chromium" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
echo "chromium installed: $(command -v chromium)"
