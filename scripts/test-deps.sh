#!/usr/bin/env bash
# Installs what the tests need beyond Go: Chromium for the browser tests,
# Xvfb for the desktop ones, brotli for the precompressed .wasm. On a machine
# where we are not root, it says what is missing instead.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xauth >/dev/null || need+=(xauth)
command -v brotli >/dev/null || need+=(brotli)
command -v node >/dev/null || need+=(nodejs)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing for the tests: ${need[*]} (install them: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
