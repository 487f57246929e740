#!/usr/bin/env bash
# The main job: installs the system libraries if missing, builds zhclaims (release) and runs it on
# Corpus/ with the built-in rules. Extra arguments go to `zhclaims extract` (e.g. -o claims.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release >&2
exec .build/release/zhclaims extract Corpus/ "$@"
