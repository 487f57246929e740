#!/usr/bin/env bash
# Installs what zhclaims needs to build on Debian, only when it is missing: pkg-config and the
# system C libraries ICU (libicu-dev), PCRE2 (libpcre2-dev) and libxml2 (libxml2-dev, HTML input).
# With --tests, also the Python packages the test helpers use (jsonschema).
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists icu-uc icu-i18n; then need+=(libicu-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libpcre2-8; then need+=(libpcre2-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libxml-2.0; then need+=(libxml2-dev); fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi
if [ "${1:-}" = "--tests" ]; then
  python3 -c 'import jsonschema' 2>/dev/null || { echo "setup: pip install jsonschema" >&2; python3 -m pip install -q jsonschema >&2; }
  # DuckDB and pandas for Scripts/tests/test_downstream.py. If the install fails, that test fails;
  # the suite still runs and reports it.
  python3 -c 'import duckdb, pandas' 2>/dev/null || { echo "setup: pip install duckdb pandas" >&2;
    python3 -m pip install -q duckdb pandas >&2 || echo "setup: could not install duckdb/pandas" >&2; }
  # Java 17+ and pyspark for Scripts/tests/test_spark.py. That test is skipped without them, so a
  # failed install is not fatal here.
  java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1 || true)
  if [ "${java_major:-0}" -lt 17 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing openjdk-17-jre-headless (found Java ${java_major:-none})" >&2
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless; } >&2 \
      || echo "setup: could not install Java 17; the Spark test will be skipped" >&2
  fi
  python3 -c 'import pyspark' 2>/dev/null || { echo "setup: pip install pyspark" >&2;
    python3 -m pip install -q pyspark >&2 || echo "setup: could not install pyspark; the Spark test will be skipped" >&2; }
fi
