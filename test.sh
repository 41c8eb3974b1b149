#!/usr/bin/env bash
# Runs the whole test suite. On Debian/Ubuntu, installs what the browser and PDF tests need when it is missing.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter-trait "Category=Fast"]
set -euo pipefail
cd "$(dirname "$0")"

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
fc-list 2>/dev/null | grep -i "DejaVu Sans" >/dev/null || packages+=(fonts-dejavu-core fontconfig)
fc-list 2>/dev/null | grep -i "Liberation Sans" >/dev/null || packages+=(fonts-liberation2)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
# A real SMTP server on loopback for the email tests.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || packages+=(python3-aiosmtpd)
if ((${#packages[@]})); then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing ${packages[*]}…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "Missing: ${packages[*]}. Install them (apt-get install ${packages[*]}) to run every test." >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test --project Analytics.Tests "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform ends with "total/failed/succeeded"; say it as one plain line.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
