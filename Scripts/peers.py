#!/usr/bin/env python3
"""Run the external peer test suites (shared/peers/*.jsonl) through zhclaims and score them.

Usage:
    Scripts/peers.py [--bin PATH] [--peers DIR] [--suite NAME ...] [--show-failures N] [--json]
                     [--check]

Method
------
Every case of every suite file in the peers folder (default ``../shared/peers`` from the repo
root), except ``*_python_not_supported.jsonl``, is sent as one document (``id`` = case id, ``text``
= case ``input``) through ONE ``zhclaims extract --stdin`` process. An *adapter* per suite keeps
only our claims of that suite's category and maps each to the peer's scale; then the case is
judged on value alone ("case pass rate on value"; units, spans and approx are not compared
unless noted):

* list suites (a sentence; every mention of the category is expected): the case passes when the
  multiset of expected non-null values equals the multiset of values we found of the category.
  An expected item with ``value: null`` contributes its ``range`` ends (if any); a range claim of
  ours contributes ``value`` and ``high``.
* whole-string suites (the input is one expression: duckling.*, cn2an.cn2an.*, jionlp.parse_money):
  the case passes when we produce exactly one claim of the category and its value equals the
  expected value. A peer interval ``{min, max}`` is our ``value`` = min and ``high`` = max;
  Duckling's ``under X`` is our value X with approx under or at_most, ``above X`` our value X with
  approx over or at_least; a point value also accepts the converter's ``alt`` readings (Duckling
  cents as 0.2 dollar) and our approx is then ignored.

Numbers are compared as Decimal with relative tolerance 1e-9 (``%`` and separators stripped).

Adapters (category = which of our claims count, and in what scale), decided from the suites' data:

* rt.number, cn2an.transform.*: every claim with a value, plus the ``high`` of a range. A percent
  contributes its value in percent: RT's NumberModel reads ``百分之五十五点五七九`` as 55.579 and
  ``六千零五十一个百分点`` as 6051, which are our percent/change values; ``一千分之一`` is 0.001 in
  RT, our ratio value. (X成 does not occur in rt.number; RT would read 八成 as 8 where ours is 80.)
  A date claim contributes the numbers of its ISO string (``1991-01-16T20`` -> 1991, 1, 16, 20),
  because both peers split dates into numbers (RT 1991年1月16日 -> 1991, 1, 16; cn2an type
  ``date_part``). A time after 下午/晚上 is 24-hour in ours and so differs from the written hour.
* rt.percent: percent claims; change claims in % or 百分点 (RT reads ``六个百分点`` as 6%);
  per-mille style ratios (``千分之2.4``, ``万分之三``, ``‰``: a 百/千/万 分之 with no numeral before
  it) times 100, since RT writes 千分之一 as 0.1%. ``五百分之2.2`` stays a ratio (RT: not a percent).
* rt.currency, jionlp.*, duckling.money: money claims, and change claims counted in a currency
  (``上调120元``), which RT's CurrencyModel would also report.
* rt.dimension: measure claims whose unit is not a temperature unit.
* rt.temperature: measure or change claims with a temperature unit (℃ ℉ ° 度 ...);
  duckling.temperature (whole string) keeps every measure claim.
* rt.age: age claims, and a duration followed directly by 大 (``十个月大``, ``三周大``, ``90天大``),
  which RT reads as an age; our age kind covers only 岁/周岁.
* rt.ordinal, duckling.ordinal: rank claims (our conventions only read ranking positions).
* duckling.quantity / distance / volume: measure claims; duckling.duration: duration claims.
* duckling.numeral, cn2an.cn2an.*: every claim with a value (money 壹拾壹元整 counts: cn2an reads it
  as the number 11). cn2an.cn2an.direct values keep leading zeros ("003"); compared as numbers.

Convention conflicts (our conventions win; the cases still FAIL, but are listed under
"convention differs" with the reason instead of being hidden among ordinary failures). Detected:
Duckling's unit normalisation (斤 -> gram, durations to one unit, cents, spoon -> ml; also
compound amounts added up), X月 read as a month date rather than a duration, JioNLP's X多/几十 as
an interval (also after an approx word: 大约十多), JioNLP's bare low bound without the shared
multiplier (八到九百亿 as 8亿-900亿), a bare amount without currency word being a count, 分 as a
score, ratios rounded to 6 decimals, ordinals / indefinite 一 / 切两半 (halves) that are no claims
for us, 千米/千克 as units, RT NumberModel leaving X% out, and a peer reading only one end (or
none) of a range.
Recognizers-Text's point value for 十多万 (100000) equals ours (100000, approx over), so it is not a
conflict on value.

Targets (pass rate %) are per suite (TARGETS below); a row under target is marked ``<``; ``--check``
exits 1 when any suite is under target.

Throughput (not implemented here): time one ``zhclaims extract --stdin`` (or ``zhclaims extract
DIR``) run over shared/corpus/news (161.8 MB UTF-8) and divide input bytes by wall time, taking the
best of 3 runs after a warm-up to factor out the file cache; ``/usr/bin/time -v`` gives peak RSS.
The same run on the 124 duckling.numeral inputs would mostly measure process start-up, so use the
large corpus for MB/s and a one-line input for start-up latency.

Exit status: 0 (also when the peers folder is absent: "peers not found"); 1 with ``--check`` when
a suite is under target; 2 when the binary is missing or crashes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_gold import (DEFAULT_BIN, REPO_ROOT, ToolError, json_default,  # noqa: E402
                        numbers_equal, pred_high, pred_value, run_tool, to_decimal)

DEFAULT_PEERS = REPO_ROOT.parent / "shared" / "peers"

TARGETS: dict[str, int] = {
    **dict.fromkeys(["rt.number", "rt.percent", "rt.currency", "rt.age", "rt.temperature",
                     "duckling.numeral", "duckling.temperature", "cn2an.cn2an.normal",
                     "cn2an.transform.an2cn"], 90),
    "cn2an.cn2an.strict": 95,
    **dict.fromkeys(["rt.dimension", "cn2an.cn2an.smart"], 85),
    **dict.fromkeys(["rt.ordinal", "duckling.distance", "cn2an.transform.cn2an",
                     "jionlp.parse_money", "jionlp.extract_money"], 80),
    "duckling.volume": 70,
    **dict.fromkeys(["duckling.money", "duckling.duration"], 60),
    **dict.fromkeys(["duckling.quantity", "cn2an.cn2an.direct"], 50),
}


# --------------------------------------------------------------------------------------------
# Our claims, adapted to a suite's category
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    """One of our claims as a suite sees it: value/high in the suite's scale."""
    claim: dict
    value: Decimal | None
    high: Decimal | None = None
    approx: str | None = None
    parts: tuple[Decimal, ...] = ()      # the numbers this claim contributes in a list suite


def found(claim: dict, scale: Decimal = Decimal(1)) -> Found | None:
    """A claim with a value, scaled; None when it has no value."""
    v = to_decimal(pred_value(claim))
    if v is None:
        return None
    h = to_decimal(pred_high(claim))
    v, h = v * scale, (h * scale if h is not None else None)
    return Found(claim, v, h, claim.get("approx"), (v,) if h is None else (v, h))


def date_parts(claim: dict) -> Found | None:
    """A date claim as the numbers of its ISO string: 2020-04-09T14:56 -> 2020, 4, 9, 14, 56."""
    iso = claim.get("date")
    if not iso:
        return None
    return Found(claim, None, parts=tuple(Decimal(n) for n in re.findall(r"\d+", iso)))


TEMPERATURE_WORDS = {"度", "摄氏度", "华氏度", "攝氏度", "華氏度", "华氏温度", "摄氏温度"}


def is_temperature(unit: str | None) -> bool:
    return unit is not None and (unit in TEMPERATURE_WORDS or any(ch in unit for ch in "℃℉°"))


# A ratio written as a per-mille style fraction (百分之 千分之 万分之 ... or ‰) with no numeral in
# front of the denominator: RT's PercentModel reads those as percentages.
PER_MILLE = re.compile(r"(?<![0-9０-９零〇一二两兩三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾])"
                       r"[百佰千仟万萬亿億]+\s*分\s*之|‰")


def adapt_numbers(c: dict, text: str) -> Found | None:
    return date_parts(c) if c.get("kind") == "date" else found(c)


def adapt_percent(c: dict, text: str) -> Found | None:
    kind, unit = c.get("kind"), c.get("unit")
    if kind == "percent" or (kind == "change" and unit in ("%", "百分点")):
        return found(c)
    if kind == "ratio" and PER_MILLE.search(c.get("text") or ""):
        return found(c, Decimal(100))
    return None


def adapt_money(c: dict, text: str) -> Found | None:
    if c.get("kind") == "money" or (c.get("kind") == "change" and c.get("currency")):
        return found(c)
    return None


def adapt_dimension(c: dict, text: str) -> Found | None:
    return found(c) if c.get("kind") == "measure" and not is_temperature(c.get("unit")) else None


def adapt_temperature(c: dict, text: str) -> Found | None:
    ok = c.get("kind") in ("measure", "change") and is_temperature(c.get("unit"))
    return found(c) if ok else None


def adapt_age(c: dict, text: str) -> Found | None:
    end = c.get("end")
    followed_by_da = isinstance(end, int) and text[end:end + 1] == "大"
    if c.get("kind") == "age" or (c.get("kind") == "duration" and followed_by_da):
        return found(c)
    return None


def adapt_kind(*kinds: str) -> Callable[[dict, str], Found | None]:
    def adapt(c: dict, text: str) -> Found | None:
        return found(c) if c.get("kind") in kinds else None
    return adapt


def adapt_any_value(c: dict, text: str) -> Found | None:
    return found(c)


@dataclass(frozen=True)
class Suite:
    mode: str                                             # "list" or "whole"
    adapt: Callable[[dict, str], Found | None]
    peer: str                                             # for messages


SUITES: dict[str, Suite] = {
    "rt.number": Suite("list", adapt_numbers, "RT"),
    "rt.percent": Suite("list", adapt_percent, "RT"),
    "rt.ordinal": Suite("list", adapt_kind("rank"), "RT"),
    "rt.currency": Suite("list", adapt_money, "RT"),
    "rt.dimension": Suite("list", adapt_dimension, "RT"),
    "rt.age": Suite("list", adapt_age, "RT"),
    "rt.temperature": Suite("list", adapt_temperature, "RT"),
    "duckling.numeral": Suite("whole", adapt_any_value, "Duckling"),
    "duckling.ordinal": Suite("whole", adapt_kind("rank"), "Duckling"),
    "duckling.money": Suite("whole", adapt_money, "Duckling"),
    "duckling.quantity": Suite("whole", adapt_kind("measure"), "Duckling"),
    "duckling.distance": Suite("whole", adapt_kind("measure"), "Duckling"),
    "duckling.volume": Suite("whole", adapt_kind("measure"), "Duckling"),
    "duckling.temperature": Suite("whole", adapt_kind("measure"), "Duckling"),
    "duckling.duration": Suite("whole", adapt_kind("duration"), "Duckling"),
    "cn2an.cn2an.strict": Suite("whole", adapt_any_value, "cn2an"),
    "cn2an.cn2an.normal": Suite("whole", adapt_any_value, "cn2an"),
    "cn2an.cn2an.smart": Suite("whole", adapt_any_value, "cn2an"),
    "cn2an.cn2an.direct": Suite("whole", adapt_any_value, "cn2an"),
    "cn2an.transform.cn2an": Suite("list", adapt_numbers, "cn2an"),
    "cn2an.transform.an2cn": Suite("list", adapt_numbers, "cn2an"),
    "jionlp.parse_money": Suite("whole", adapt_money, "JioNLP"),
    "jionlp.extract_money": Suite("list", adapt_money, "JioNLP"),
}


def adapt_all(suite: Suite, claims: list[dict], text: str) -> list[Found]:
    return [f for f in (suite.adapt(c, text) for c in claims) if f is not None]


# --------------------------------------------------------------------------------------------
# Expected values and the pass test
# --------------------------------------------------------------------------------------------

Eq = Callable[[Decimal, Decimal], bool]


def exact(a: Decimal, b: Decimal) -> bool:
    return numbers_equal(a, b)


def rounded6(a: Decimal, b: Decimal) -> bool:
    """Loose equality for values that one side rounds to 6 decimals (0.166667 vs 1/6)."""
    return numbers_equal(a, b) or abs(a - b) <= Decimal("5e-7")


def expected_values(mentions: Iterable[dict]) -> list[Decimal]:
    """List-suite expectation: each mention's value, or its range ends when the value is null."""
    out: list[Decimal] = []
    for m in mentions:
        v = to_decimal(m.get("value"))
        if v is not None:
            out.append(v)
        elif m.get("range"):
            ends = (to_decimal(m["range"].get("min")), to_decimal(m["range"].get("max")))
            out += [d for d in ends if d is not None]
    return out


def same_multiset(expected: list[Decimal], got: list[Decimal], eq: Eq = exact) -> bool:
    if len(expected) != len(got):
        return False
    left = list(got)
    for e in expected:
        for i, g in enumerate(left):
            if eq(e, g):
                del left[i]
                break
        else:
            return False
    return True


def list_passes(mentions: list[dict], founds: list[Found], eq: Eq = exact) -> bool:
    return same_multiset(expected_values(mentions), [p for f in founds for p in f.parts], eq)


def whole_target_matches(m: dict, f: Found, eq: Eq = exact) -> bool:
    """Does one claim of ours read the whole-string mention ``m`` right (see module doc)?"""
    if f.value is None:
        return False
    rng = m.get("range") or {}
    lo, hi = to_decimal(rng.get("min")), to_decimal(rng.get("max"))
    if to_decimal(m.get("value")) is None and (lo is not None or hi is not None):
        if lo is not None and hi is not None:
            return f.high is not None and eq(lo, f.value) and eq(hi, f.high)
        if hi is not None:   # Duckling "under X"
            return f.high is None and eq(hi, f.value) and f.approx in ("under", "at_most")
        return f.high is None and eq(lo, f.value) and f.approx in ("over", "at_least")
    points = [to_decimal(x.get("value")) for x in [m] + list(m.get("alt") or [])]
    return f.high is None and any(p is not None and eq(p, f.value) for p in points)


def whole_passes(mentions: list[dict], founds: list[Found], eq: Eq = exact) -> bool:
    return (len(mentions) == 1 and len(founds) == 1
            and whole_target_matches(mentions[0], founds[0], eq))


def passes(suite: Suite, mentions: list[dict], founds: list[Found], eq: Eq = exact) -> bool:
    return (list_passes if suite.mode == "list" else whole_passes)(mentions, founds, eq)


# --------------------------------------------------------------------------------------------
# Convention conflicts
# --------------------------------------------------------------------------------------------

def _table(groups: dict[str, float]) -> dict[str, Decimal]:
    """Unit table of one dimension: every space-separated name of a group maps to its factor."""
    return {name: Decimal(repr(f)) for names, f in groups.items() for name in names.split()}


# One table per dimension: factor to the dimension's base unit (gram, second, millilitre, metre,
# cent, bit). Names are ours (as written) and the peers' (lowercased).
UNITS: list[dict[str, Decimal]] = [
    _table({"克 g 公克 gram grams": 1, "千克 公斤 kg kilogram": 1000, "斤 市斤 jin": 500,
            "两 兩 liang": 50, "毫克 mg milligram": 0.001, "微克 μg microgram": 1e-6,
            "吨 噸 t ton tonne": 1e6}),
    _table({"秒 秒钟 秒鐘 second s": 1, "分 分钟 分鐘 minute min": 60,
            "小时 小時 个小时 個小時 钟头 鐘頭 个钟 個鐘 钟 鐘 hour h": 3600,
            "天 日 day": 86400, "周 週 星期 个星期 個星期 week": 604800,
            "月 个月 個月 month": 2592000,            # Duckling: a month is 30 days
            "年 year": 31104000}),                   # and a year 12 months
    _table({"毫升 ml cc millilitre": 1, "升 公升 l litre liter": 1000,
            "茶匙 teaspoon": 5, "汤匙 湯匙 tablespoon": 15,
            "加仑 加侖 gallon": 3785.411784}),
    _table({"米 公尺 m metre meter": 1, "厘米 公分 cm centimetre centimeter": 0.01,
            "毫米 mm millimetre": 0.001, "千米 公里 公裏 km kilometre kilometer": 1000,
            "英尺 呎 foot ft": 0.3048, "英寸 英吋 吋 inch": 0.0254,
            "英里 英裏 mile": 1609.344}),
    _table({"分 仙 cent": 1, "角 毛 毫": 10,
            "元 块 圆 圓 蚊 dollar cny hkd 港元 人民币 港币": 100}),
    _table({"比特 bit": 1, "字节 byte": 8, "千比特 kilobit": 1000, "千字节 kilobyte": 8000,
            "兆比特 megabit": 1e6, "兆字节 megabyte": 8e6}),
]


def convert(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when no table knows both units."""
    if not unit or not to_unit:
        return None
    for table in UNITS:
        a, b = table.get(unit.lower()), table.get(to_unit.lower())
        if a and b:
            return value * a / b
    return None


def conflict_unit_conversion(case: dict, suite: Suite, founds: list[Found],
                             claims: list[dict]) -> str | None:
    """The peer normalises units (Duckling: 斤 -> gram, 半天 -> 12 hour, 一茶匙 -> 5 ml; RT: 三千比特
    -> 3 kilobit); whole strings may add up several claims of ours (3斤5两 -> 1750 gram)."""
    mentions = case["expected"]
    if suite.mode == "whole" and len(mentions) == 1:
        m = mentions[0]
        for cand in [m] + list(m.get("alt") or []):
            target = to_decimal(cand.get("value"))
            parts = [(found(c), c.get("unit")) for c in claims if c.get("kind") != "date"]
            conv = [convert(f.value, u, cand.get("unit")) for f, u in parts if f is not None]
            if target is None or not conv or None in conv:
                continue
            if numbers_equal(sum(conv), target):
                how = " + ".join(f"{c.get('text')}" for c in claims if c.get("kind") != "date")
                verb = "adds up compound amounts" if len(conv) > 1 else "normalises units"
                return (f"{suite.peer} {verb}: ours {how} = {cand['value']} {cand.get('unit')};"
                        f" our conventions keep the unit as written")
        return None
    units = {m.get("unit") for m in mentions if m.get("unit")}
    changed, new = False, []
    for f in founds:
        unit = f.claim.get("unit")
        convs = (convert(f.value, unit, u) for u in units) if f.value is not None else ()
        conv = next((c for c in convs if c is not None), None)
        if conv is not None and not numbers_equal(conv, f.value):
            changed = True
            new.append(Found(f.claim, conv, None, f.approx, (conv,)))
        else:
            new.append(f)
    if changed and list_passes(mentions, new):
        return f"{suite.peer} converts units (e.g. 千比特 as kilobit); ours keep the unit as written"
    return None


def conflict_month_date(case: dict, suite: Suite, founds: list[Found],
                        claims: list[dict]) -> str | None:
    """Duckling reads 十月 as a duration of 10 months; ours is the month date --10."""
    m = case["expected"][0] if case["expected"] else {}
    if suite.mode == "whole" and m.get("unit") == "month":
        v = to_decimal(m.get("value"))
        for c in claims:
            if c.get("kind") == "date" and re.fullmatch(r"--\d\d", c.get("date") or "") \
                    and v is not None and int(c["date"][2:]) == v:
                return "X月 is a calendar month (date --MM) in our conventions, not a duration"
    return None


# A vague numeral written in a span: X多, X余, 十几, 几十, 数百 (traditional forms included).
VAGUE_IN_SPAN = re.compile(r"[0-9〇零一二三四五六七八九十百千万亿两萬億兩][多余餘几幾]|[几幾数數上][十百千万亿萬億]")


def conflict_blur_interval(case: dict, suite: Suite, founds: list[Found],
                           claims: list[dict]) -> str | None:
    """JioNLP reads 3000多 as [3000, 4000]; ours is 3000, approx over. An approx word in front
    (大约十多欧元) sets approx about instead, so the vague numeral is also found in the span."""
    m = case["expected"][0] if case["expected"] else {}
    rng = m.get("range") or {}
    lo, hi = to_decimal(rng.get("min")), to_decimal(rng.get("max"))
    if suite.mode == "whole" and lo is not None and hi is not None and len(founds) == 1:
        f = founds[0]
        vague = f.approx == "over" or VAGUE_IN_SPAN.search(f.claim.get("text") or "")
        if f.high is None and vague and numbers_equal(f.value, lo):
            return (f"{suite.peer} reads X多/几十/十几 as the interval [{rng['min']}, {rng['max']}];"
                    f" ours is the vague numeral {f.value}, approx {f.approx}")
    return None


def conflict_shared_multiplier(case: dict, suite: Suite, founds: list[Found],
                               claims: list[dict]) -> str | None:
    """JioNLP reads 八到九百亿 as 8亿-900亿 (the bare low bound takes only the last multiplier);
    ours share the upper bound's multiplier: 2至3万 -> 20000-30000, so 800亿-900亿."""
    m = case["expected"][0] if case["expected"] else {}
    rng = m.get("range") or {}
    lo, hi = to_decimal(rng.get("min")), to_decimal(rng.get("max"))
    if suite.mode != "whole" or lo is None or hi is None or lo <= 0 or len(founds) != 1:
        return None
    f = founds[0]
    if f.high is None or f.value is None or not numbers_equal(f.high, hi) or numbers_equal(f.value, lo):
        return None
    ratio = f.value / lo            # a power of ten: the multiplier the peer left off
    if ratio > 1 and ratio == ratio.to_integral_value() and re.fullmatch(r"10+", str(int(ratio))):
        return (f"{suite.peer} reads the bare low bound without the shared multiplier ({rng['min']});"
                f" our conventions apply the upper bound's multiplier to it (2至3万 -> 20000-30000)")
    return None


# A currency word or sign right after or right before a number (then the amount is not "bare").
CURRENCY_AFTER = re.compile(r"\s*(?:[块塊蚊$¥￥€£分角毛毫仙]|\S{0,3}?(?:元|圆|圓|币|幣|镑|鎊|法郎|卢布|盧布"
                            r"|泰铢|奈拉|美金))")
CURRENCY_BEFORE = re.compile(r"(?:[$¥￥€£]|人民币|人民幣|港币|港幣|美元|日元|欧元|新台币|台币)\s*$")


def _bare(claim: dict, text: str) -> bool:
    """A count with unit null and no currency word or sign next to it."""
    start, end = claim.get("start"), claim.get("end")
    if claim.get("kind") != "count" or claim.get("unit") is not None \
            or not isinstance(start, int) or not isinstance(end, int):
        return False
    return not CURRENCY_AFTER.match(text, end) and not CURRENCY_BEFORE.search(text[:start])


def conflict_bare_amount(case: dict, suite: Suite, founds: list[Found],
                         claims: list[dict]) -> str | None:
    """The peer takes a bare amount as money (JioNLP: 三百万 = 3000000 元); ours is a count."""
    if suite.adapt is not adapt_money:
        return None
    counts = [f for f in (found(c) for c in claims if _bare(c, case["input"])) if f is not None]
    if counts and passes(suite, case["expected"], founds + counts):
        return "an amount with no currency word is a count (unit null) in our conventions"
    return None


def conflict_score_fen(case: dict, suite: Suite, founds: list[Found],
                       claims: list[dict]) -> str | None:
    """Duckling reads 5分 as 5 cents; ours is a score (count 分)."""
    if suite.adapt is adapt_money and any(c.get("kind") == "count" and c.get("unit") == "分"
                                          for c in claims):
        return "X分 is a score (count, unit 分) in our conventions, not cents"
    return None


def conflict_rounding(case: dict, suite: Suite, founds: list[Found],
                      claims: list[dict]) -> str | None:
    """A non-terminating fraction: the peer keeps 15 digits, ours rounds to 6 decimals."""
    six = re.compile(r"-?\d*\.\d{6}")
    rounded = any(f.claim.get("kind") == "ratio" or six.fullmatch(str(pred_value(f.claim)))
                  for f in founds)
    if rounded and passes(suite, case["expected"], founds, rounded6):
        return "ratios are rounded to 6 decimals in our conventions"
    return None


def _is_ordinal(m: dict, text: str) -> bool:
    start = m.get("start")
    return m.get("type") == "ordinal" or (isinstance(start, int) and start > 0
                                          and text[start - 1] == "第")


def _is_halves(m: dict, text: str) -> bool:
    """A lone numeral right before a 半 that ends the clause (切两半, 分成两半): pieces, no claim."""
    end = m.get("end")
    return (m.get("text") or "") in ("一", "两", "兩", "二") and isinstance(end, int) \
        and text[end:end + 1] == "半" and not re.match(r"[\u4e00-\u9fff]", text[end + 1:end + 2])


def conflict_not_claims(case: dict, suite: Suite, founds: list[Found],
                        claims: list[dict]) -> str | None:
    """The peer counts ordinals (第X) or a lone 一 (indefinite 一只, 另一种): no claims for us."""
    text, mentions = case["input"], case["expected"]
    if suite.mode == "whole":
        ordinal = all(_is_ordinal(m, text) or (m.get("text") or "").startswith("第")
                      for m in mentions)
        if ordinal and not founds:
            return "an ordinal that is not a ranking position is not a claim in our conventions"
        return None
    ordinals = [m for m in mentions if _is_ordinal(m, text)]
    lone_yi = [m for m in mentions if m.get("text") in ("一", "壹") and m not in ordinals]
    halves = [m for m in mentions if _is_halves(m, text) and m not in ordinals + lone_yi]
    keep = [m for m in mentions if m not in ordinals and m not in lone_yi and m not in halves]
    if len(keep) == len(mentions) or not list_passes(keep, founds):
        return None
    why = (["an ordinal (第X) outside a ranking"] if ordinals else []) + \
        (["一 as an indefinite article or inside a word (一只, 另一种)"] if lone_yi else []) + \
        (["X半 meaning into halves (切两半) rather than X and a half of a unit"] if halves else [])
    return " and ".join(why) + f" {'is' if len(why) == 1 else 'are'} not a claim in our conventions"


def conflict_qian_unit(case: dict, suite: Suite, founds: list[Found],
                       claims: list[dict]) -> str | None:
    """cn2an reads 两千米 as the number 2000 (+ 米); ours is 2 千米."""
    def kilo_unit(f: Found) -> bool:
        unit = f.claim.get("unit") or ""
        return len(unit) > 1 and unit.startswith("千") and f.high is None and f.value is not None

    if suite.mode != "list" or not any(kilo_unit(f) for f in founds):
        return None
    new = [Found(f.claim, f.value * 1000, None, f.approx, (f.value * 1000,)) if kilo_unit(f) else f
           for f in founds]
    if list_passes(case["expected"], new):
        return "千米/千克/千瓦 are units in our conventions, not 千 × 米"
    return None


def conflict_percent_in_number(case: dict, suite: Suite, founds: list[Found],
                               claims: list[dict]) -> str | None:
    """RT's NumberModel skips 二％ (rt.number:0361) although it reads 百分之五十五点五七九."""
    if case["suite"] != "rt.number":
        return None
    keep = [f for f in founds if not re.search("[%％]", f.claim.get("text") or "")]
    if len(keep) < len(founds) and list_passes(case["expected"], keep):
        return "RT's NumberModel leaves X% out (it keeps 百分之X); ours read X% as a claim"
    return None


def conflict_range(case: dict, suite: Suite, founds: list[Found],
                   claims: list[dict]) -> str | None:
    """RT reads only 20% of 5-20%, and nothing of 二三十个百分点; ours is one range claim."""
    if suite.mode != "list" or not any(f.high is not None for f in founds):
        return None
    mentions = case["expected"]
    if not expected_values(mentions) and all(f.high is not None for f in founds):
        return f"{suite.peer} leaves this range unread; ours read it as a range (value~high)"
    for end in (0, 1):
        one = [Found(f.claim, f.value, None, f.approx, (f.parts[end],)) if f.high is not None
               else f for f in founds]
        if list_passes(mentions, one):
            return f"{suite.peer} reads only one end of the range; ours give value and high"
    return None


CONFLICTS = [conflict_unit_conversion, conflict_month_date, conflict_blur_interval, conflict_shared_multiplier,
             conflict_bare_amount, conflict_score_fen, conflict_rounding, conflict_not_claims,
             conflict_qian_unit, conflict_percent_in_number, conflict_range]


def convention_conflict(case: dict, suite: Suite, founds: list[Found],
                        claims: list[dict]) -> str | None:
    """The reason a failing case fails by a known convention difference, or None."""
    for detect in CONFLICTS:
        reason = detect(case, suite, founds, claims)
        if reason:
            return reason
    return None


# --------------------------------------------------------------------------------------------
# Running and reporting
# --------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    case: dict
    passed: bool
    founds: list[Found]
    claims: list[dict]
    conflict: str | None = None


@dataclass
class SuiteResult:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def rate(self) -> float:
        return 100 * self.passed / len(self.outcomes) if self.outcomes else 0.0

    @property
    def conflicts(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.conflict]

    @property
    def target(self) -> int | None:
        return TARGETS.get(self.name)

    @property
    def under_target(self) -> bool:
        return self.target is not None and self.rate < self.target


def judge(case: dict, claims: list[dict]) -> Outcome:
    suite = SUITES[case["suite"]]
    founds = adapt_all(suite, claims, case["input"])
    ok = passes(suite, case["expected"], founds)
    out = Outcome(case, ok, founds, claims)
    if not ok:
        out.conflict = convention_conflict(case, suite, founds, claims)
    return out


def load_cases(peers: Path, wanted: list[str] | None) -> tuple[list[dict], list[str]]:
    """All cases of the peer files, minus *_python_not_supported.jsonl, filtered by suite name or
    prefix (``rt`` selects every rt.* suite). Returns (cases, warnings)."""
    cases, warnings, unknown = [], [], Counter()
    for path in sorted(peers.glob("*.jsonl")):
        if path.name.endswith("_python_not_supported.jsonl"):
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                case = json.loads(line)
                name = case["suite"]
                if wanted and not any(name == w or name.startswith(w + ".") for w in wanted):
                    continue
                if name not in SUITES:
                    unknown[name] += 1
                    continue
                cases.append(case)
    for name, n in unknown.items():
        warnings.append(f"no adapter for suite {name!r} ({n} cases skipped)")
    return cases, warnings


def fmt_expected(case: dict) -> str:
    items = []
    for m in case["expected"]:
        rng = m.get("range") or {}
        if m.get("value") is not None:
            v = str(m["value"])
        elif rng:
            lo, hi = rng.get("min"), rng.get("max")
            v = f"{lo}~{hi}" if lo and hi else (f"<={hi}" if hi else f">={lo}")
        else:
            continue
        items.append(v + (f" {m['unit']}" if m.get("unit") and m.get("unit") != "%" else ""))
    return "[" + ", ".join(items) + "]"


def claim_reading(c: dict) -> str:
    """A claim's date, or its value (with ~high for a range)."""
    if c.get("kind") == "date":
        return str(c.get("date"))
    high = pred_high(c)
    return f"{pred_value(c)}" + (f"~{high}" if high is not None else "")


def fmt_found(o: Outcome) -> str:
    inside = {id(f.claim) for f in o.founds}
    mine = ", ".join(" ".join(str(p) for p in f.parts) + f" «{f.claim.get('text')}»"
                     + (f" {f.approx}" if f.approx else "") for f in o.founds)
    other = ", ".join(f"{c.get('kind')} {claim_reading(c)} «{c.get('text')}»"
                      for c in o.claims if id(c) not in inside)
    return f"[{mine}]" + (f" (other claims: {other})" if other else "")


def case_line(o: Outcome) -> str:
    return (f"  {o.case['id']}  input: {o.case['input'][:60]!r}  expected: {fmt_expected(o.case)}"
            f"  found: {fmt_found(o)}")


def report(results: list[SuiteResult], show_failures: int) -> str:
    lines = [f"{'suite':<24}{'cases':>6}{'passed':>8}{'rate %':>8}{'target %':>10}{'conv.':>7}"
             f"{'+conv %':>9}", "-" * 72]
    total = passed = conv = 0
    for r in results:
        n, c = len(r.outcomes), len(r.conflicts)
        total, passed, conv = total + n, passed + r.passed, conv + c
        target = f"{r.target}" if r.target is not None else "-"
        mark = "  < under target" if r.under_target else ""
        lines.append(f"{r.name:<24}{n:>6}{r.passed:>8}{r.rate:>8.1f}{target:>10}{c:>7}"
                     f"{100 * (r.passed + c) / n:>9.1f}{mark}")
    lines.append("-" * 72)
    if total:
        lines.append(f"{'total':<24}{total:>6}{passed:>8}{100 * passed / total:>8.1f}{'':>10}"
                     f"{conv:>7}{100 * (passed + conv) / total:>9.1f}")
    lines.append("conv. = failing cases where the peer's convention differs from ours (counted as "
                 "failures, listed below); +conv % = the rate if they passed (for reference only)")
    conflicts = [o for r in results for o in r.conflicts]
    if conflicts:
        lines += ["", f"Convention differs ({len(conflicts)} cases, counted as failures):"]
        for o in conflicts:
            lines.append(case_line(o) + f"\n      convention differs: {o.conflict}")
    if show_failures > 0:
        for r in results:
            fails = [o for o in r.outcomes if not o.passed and not o.conflict]
            if fails:
                lines += ["", f"Failures in {r.name}: {len(fails)}"
                          + (f" (first {show_failures})" if len(fails) > show_failures else "")]
                lines += [case_line(o) for o in fails[:show_failures]]
    return "\n".join(lines)


def outcome_json(o: Outcome) -> dict:
    inside = {id(f.claim) for f in o.founds}
    return {"id": o.case["id"], "input": o.case["input"],
            "expected": [{k: m[k] for k in ("text", "value", "unit", "range", "approx", "alt")
                          if m.get(k) is not None} for m in o.case["expected"]],
            "found": [{"text": f.claim.get("text"), "kind": f.claim.get("kind"),
                       "values": list(f.parts), "approx": f.approx} for f in o.founds],
            "other_claims": [{"text": c.get("text"), "kind": c.get("kind"),
                              "reading": claim_reading(c)}
                             for c in o.claims if id(c) not in inside],
            "convention_differs": o.conflict}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(DEFAULT_BIN),
                    help=f"zhclaims binary (default: {DEFAULT_BIN})")
    ap.add_argument("--peers", type=Path, default=DEFAULT_PEERS,
                    help=f"folder of peer suites (default: {DEFAULT_PEERS})")
    ap.add_argument("--suite", nargs="+", metavar="NAME",
                    help="only these suites (a name, or a prefix such as rt or duckling)")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="print up to N failing cases per suite (convention conflicts are always "
                         "listed in their own section)")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--check", action="store_true", help="exit 1 when a suite is under its target")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed to the tool")
    ap.add_argument("--rules", metavar="DIR",
                    help="use the rule files of DIR instead of the built-in ones (no rebuild needed)")
    args = ap.parse_args(argv)

    if not args.peers.is_dir():
        print(f"peers not found: {args.peers}")
        return 0
    cases, warnings = load_cases(args.peers, args.suite)
    if not cases:
        which = f" (suites: {' '.join(args.suite)})" if args.suite else ""
        print(f"no peer cases selected{which}")
        return 0
    try:
        run = run_tool(args.bin, ((c["id"], c["input"]) for c in cases), timeout=args.timeout,
                       extra_args=["--no-builtin-rules", "--rules", args.rules] if args.rules else None)
    except ToolError as exc:
        print(f"peers: {exc}", file=sys.stderr)
        return 2
    warnings = run.warnings + warnings

    results: dict[str, SuiteResult] = {}
    for case in cases:
        claims = sorted(run.by_doc.get(case["id"], []), key=lambda c: c.get("start") or 0)
        results.setdefault(case["suite"], SuiteResult(case["suite"])).outcomes.append(
            judge(case, claims))
    ordered = [results[n] for n in SUITES if n in results]

    if args.json:
        out = {"suites": [{"suite": r.name, "cases": len(r.outcomes), "passed": r.passed,
                           "rate": round(r.rate, 2), "target": r.target,
                           "under_target": r.under_target,
                           "convention_differs": len(r.conflicts),
                           "rate_with_conventions": round(100 * (r.passed + len(r.conflicts))
                                                          / len(r.outcomes), 2)}
                          for r in ordered],
               "convention_differs": [outcome_json(o) for r in ordered for o in r.conflicts],
               "warnings": warnings}
        if args.show_failures > 0:
            out["failures"] = {r.name: [outcome_json(o) for o in r.outcomes
                                        if not o.passed and not o.conflict][:args.show_failures]
                               for r in ordered}
        print(json.dumps(out, ensure_ascii=False, default=json_default))
    else:
        print(report(ordered, args.show_failures))
        for w in warnings:
            print(f"warning: {w}")
    return 1 if args.check and any(r.under_target for r in ordered) else 0


if __name__ == "__main__":
    sys.exit(main())
