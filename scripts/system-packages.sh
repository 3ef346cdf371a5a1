#!/usr/bin/env bash
# Install the Debian packages the tests need (PostgreSQL, Chromium, CJK fonts, Pango for
# WeasyPrint, poppler-utils, LibreOffice Writer to open the DOCX chapter; haproxy, Redis
# and curl for the network deployment, wrk for the benchmarks), only those missing. Needs
# root or password-less sudo.
set -euo pipefail

wanted=(postgresql chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0
  libreoffice-writer-nogui haproxy redis-server curl wrk)
missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
