#!/usr/bin/env bash
# Fuzzes the read stage and the extractor (document bytes → claims) with libFuzzer.
#
#   Scripts/fuzz.sh [SECONDS] [libFuzzer options…]     (default 60 s; e.g. -jobs=2 -workers=2)
#
# Builds the ZHClaimsFuzz target in .build-fuzz with -sanitize=fuzzer and AddressSanitizer (Swift
# and the C shims; libFuzzer's coverage also instruments the shims), then runs it for SECONDS on
# the seeds in Tests/FuzzCorpus (read-only, including regressions/) and the growing corpus in
# .build-fuzz/corpus. Input that starts with `<` is read as an HTML page, anything else as a text
# file; every claim is checked (in order, no overlap, spans inside the text and the sentence,
# value_str parses back, one-line records). A crash, a failed check, a leak or an input slower
# than 10 s is written to .build-fuzz/crashes/; reproduce it with a plain build
# (`swift build --scratch-path .build-html && .build-html/debug/ZHClaimsFuzz FILE`) and keep it
# in Tests/FuzzCorpus/regressions/, where FuzzRegressionTests runs it on every `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
Scripts/setup.sh

scratch=.build-fuzz
# -sanitize=fuzzer links libFuzzer's runtime; main.swift calls its LLVMFuzzerRunDriver (declared
# with @_extern(c), hence the Extern feature). The toolchain's lld links it: ld.gold stops with
# an internal error (format_file_lineno) on the instrumented objects.
flags=(-c release --scratch-path "$scratch" --product ZHClaimsFuzz --sanitize=address
       -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
       -Xswiftc -DZHCLAIMS_LIBFUZZER -Xswiftc -enable-experimental-feature -Xswiftc Extern
       -Xswiftc -use-ld=lld)
# The EmbedRules plugin's input list is planned once; re-plan so added or removed rule files count.
rm -f "$scratch/release.yaml"
swift build "${flags[@]}" >&2
bin="$(swift build "${flags[@]}" --show-bin-path)/ZHClaimsFuzz"

mkdir -p "$scratch/corpus" "$scratch/crashes"
# A dictionary of the tokens the pipeline cares about: markup, charsets, numerals, units.
dict="$scratch/zhclaims.dict"
{
  for t in '<p>' '</p>' '<div>' '<br>' '<td>' '<tr>' '<pre>' '<script>' '</script>' '<style>' '<!--' '-->' \
           '<meta charset="gbk">' '<meta charset=big5>' '<![CDATA[' '&nbsp;' '&amp;' '&#20159;' '&#x4e07;' \
           '<?xml encoding="gb2312"?>' '<title>' '<li>' '<h1>' \
           '万' '亿' '元' '%' '％' '同比' '环比' '增长' '下降' '约' '多' '余' '近' '超过' '年' '月' '日' '时' \
           '人' '宗' '名' '倍' '岁' '第' '一' '二' '十' '百' '千' '两' '零' '〇' '壹' '贰' '拾' '佰' '仟' '美元' \
           '港元' '公里' '平方米' '吨' '万元' '至' '-' '~' '—' '，' '。' '！' '？' '“' '”' '１２３' '.' ','; do
    printf '"'
    printf '%s' "$t" | od -An -tx1 -v | tr -d ' \n' | sed 's/\(..\)/\\x\1/g'
    printf '"\n'
  done
} > "$dict"

echo "fuzz: $bin for ${seconds}s; crashes go to $scratch/crashes/" >&2
exec "$bin" -max_total_time="$seconds" -timeout=10 -max_len=8192 -rss_limit_mb=4096 \
  -artifact_prefix="$scratch/crashes/" -dict="$dict" -print_final_stats=1 "$@" \
  "$scratch/corpus" Tests/FuzzCorpus
