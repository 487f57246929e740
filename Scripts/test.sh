#!/usr/bin/env bash
# The whole test suite: unit and CLI tests (swift test), every rule example (zhclaims rules test),
# the Python helpers' tests, schema validation of real output, and the gold-set scores that must
# not regress. Installs what it needs when missing. Ends with "N passed, M failed" over the steps.
set -uo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --tests || exit 2
passed=0; failed=0; failures=()
step() {
  local name=$1; shift
  echo "== $name: $*"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}
gold=../shared/gold
step build swift build -c release
step swift-test swift test
step rules-check .build/release/zhclaims rules check
step rules-test .build/release/zhclaims rules test
step python-tests python3 -m unittest discover -s Scripts/tests
if [ -d "$gold" ]; then
  step gold-seeds python3 Scripts/score_gold.py "$gold/seeds.jsonl" --min-f1 0.97 --min-attr 0.95 --min-subject 0.80
  step gold-news-dev python3 Scripts/score_gold.py "$gold/news_dev.jsonl" --min-f1 0.95 --min-attr 0.95 --min-subject 0.80
else
  echo "== gold: ../shared/gold not found, gold scores skipped"
fi
[ ${#failures[@]} -eq 0 ] || echo "failed steps: ${failures[*]}"
echo "steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
