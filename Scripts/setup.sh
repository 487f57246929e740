#!/usr/bin/env bash
# Installs what zhclaims needs to build on Debian, only when it is missing: pkg-config and the
# system C libraries ICU (libicu-dev) and PCRE2 (libpcre2-dev). With --tests, also the Python
# packages the test helpers use (jsonschema).
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists icu-uc icu-i18n; then need+=(libicu-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libpcre2-8; then need+=(libpcre2-dev); fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi
if [ "${1:-}" = "--tests" ]; then
  python3 -c 'import jsonschema' 2>/dev/null || { echo "setup: pip install jsonschema" >&2; python3 -m pip install -q jsonschema >&2; }
fi
