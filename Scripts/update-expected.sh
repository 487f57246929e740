#!/usr/bin/env bash
# Regenerates Tests/Fixtures/corpus.expected.jsonl from the current build: run it after an intended
# change of rules or behaviour, and review the diff (git diff Tests/Fixtures) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >&2
.build/release/zhclaims extract Corpus/ > Tests/Fixtures/corpus.expected.jsonl
git --no-pager diff --stat -- Tests/Fixtures >&2 || true
