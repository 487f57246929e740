"""Unit tests of the gold matching (score_gold.py) and the peer adapters (peers.py).

Run: python3 -m unittest discover -s Scripts/tests
No zhclaims binary is needed: the claim records are made by hand.
"""

import sys
import unittest
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peers  # noqa: E402
import score_gold as sg  # noqa: E402

KEYS = sg.RECORD_KEYS


def rec(doc: str, text: str, span: str, kind: str, value=None, *, after: int = 0, **kw) -> dict:
    """A tool record for the first occurrence of ``span`` in ``text`` at or after ``after``."""
    start = text.index(span, after)
    r = dict.fromkeys(KEYS)
    r.update(doc=doc, sent=1, start=start, end=start + len(span), text=span, kind=kind,
             rule="test")
    if value is not None:
        r.update(value=Decimal(str(value)), value_str=str(value))
    if kw.get("high") is not None:
        kw["high_str"] = str(kw["high"])
    r.update(kw)
    return r


def gold(span: str, kind: str, value=None, **kw) -> dict:
    g = {"text": span, "kind": kind, "value": value, "unit": None, "approx": None, "change": None,
         "basis": None, "high": None, "date": None, "subject": None}
    g.update(kw)
    return g


class NumberTests(unittest.TestCase):
    def test_to_decimal(self):
        self.assertEqual(sg.to_decimal("50%"), Decimal(50))
        self.assertEqual(sg.to_decimal("6E-05%"), Decimal("0.00006"))
        self.assertEqual(sg.to_decimal("1,050,000"), Decimal(1050000))
        self.assertEqual(sg.to_decimal("４，５６５"), Decimal(4565))
        self.assertEqual(sg.to_decimal("1/2"), Decimal("0.5"))
        self.assertEqual(sg.to_decimal("003"), Decimal(3))
        self.assertIsNone(sg.to_decimal("(20,35]"))
        self.assertIsNone(sg.to_decimal(None))

    def test_numbers_equal_tolerance(self):
        self.assertTrue(sg.numbers_equal("2", "2.0"))
        self.assertTrue(sg.numbers_equal("350.333333333333", Decimal(1051) / 3))
        self.assertFalse(sg.numbers_equal("0.166667", Decimal(1) / 6))
        self.assertTrue(sg.numbers_equal(None, None))
        self.assertFalse(sg.numbers_equal("0", None))


class GoldMatchingTests(unittest.TestCase):
    def test_gold_spans_search_after_previous_claim(self):
        text = "立案1名、破案1名,共1名"
        claims = [gold("1名", "count", "1"), gold("1名", "count", "1"), gold("9名", "count", "9")]
        self.assertEqual(sg.gold_spans(text, claims), [(2, 4), (7, 9), None])

    def test_values_agree(self):
        p = rec("d", "增长2.0%", "2.0%", "change", "2")
        self.assertTrue(sg.values_agree(gold("2.0%", "change", "2"), p))
        self.assertFalse(sg.values_agree(gold("2.0%", "change", "2", high="3"), p))
        d = rec("d", "2月2日晚", "2月2日", "date", date="--02-02")
        self.assertTrue(sg.values_agree(gold("2月2日", "date", date="--02-02"), d))
        self.assertFalse(sg.values_agree(gold("2月2日", "date", date="--02-03"), d))
        rng = rec("d", "6.5%至7%", "6.5%至7%", "percent", "6.5", high="7")
        self.assertTrue(sg.values_agree(gold("6.5%至7%", "percent", "6.5", high="7.0"), rng))

    def test_one_to_one_overlap_and_value(self):
        text = "抓获1名、刑拘1名,另有3人"
        g = [gold("1名", "count", "1"), gold("1名", "count", "1"), gold("3人", "count", "3")]
        spans = sg.gold_spans(text, g)
        preds = [rec("d", text, "1名", "count", 1), rec("d", text, "1名", "count", 1, after=5),
                 rec("d", text, "3人", "count", 4)]          # right span, wrong value
        pairs, miss_g, miss_p = sg.match_sentence(g, spans, preds)
        self.assertEqual(pairs, [(0, 0), (1, 1)])
        self.assertEqual(miss_g, [2])
        self.assertEqual(miss_p, [2])

    def test_span_must_overlap(self):
        text = "1名民警和1名辅警"
        g = [gold("1名", "count", "1")]
        preds = [rec("d", text, "1名", "count", 1, after=3)]   # same value, the other span
        pairs, miss_g, miss_p = sg.match_sentence(g, sg.gold_spans(text, g), preds)
        self.assertEqual((pairs, miss_g, miss_p), ([], [0], [0]))

    def test_partial_overlap_matches(self):
        text = "全年扣押涉毒资产7400多万元"
        g = [gold("7400多万元", "money", "74000000", unit="元", approx="over")]
        preds = [rec("d", text, "7400多万", "count", 74000000)]
        pairs, _, _ = sg.match_sentence(g, sg.gold_spans(text, g), preds)
        self.assertEqual(pairs, [(0, 0)])

    def test_subject_ok(self):
        self.assertTrue(sg.subject_ok(None, None))
        self.assertTrue(sg.subject_ok("涉毒资产", "冻结涉毒资产"))
        self.assertTrue(sg.subject_ok("人均可支配收入", "可支配收入"))
        self.assertFalse(sg.subject_ok(None, "警情"))
        self.assertFalse(sg.subject_ok("警情", None))
        self.assertFalse(sg.subject_ok("警情", "案件"))

    def test_subject_exact_does_not_forgive_a_longer_phrase(self):
        text = "冻结涉毒资产7400多万元"
        gold_recs = [{"id": "s1", "text": text, "claims": [
            gold("7400多万元", "money", "74000000", unit="元", approx="over", subject="涉毒资产")]}]
        preds = {"s1": [rec("s1", text, "7400多万元", "money", "74000000", unit="元", approx="over",
                            subject="冻结涉毒资产")]}
        s = sg.score(gold_recs, preds)
        self.assertAlmostEqual(s["subject_accuracy"], 1.0)
        self.assertAlmostEqual(s["subject_exact"], 0.0)

    def test_score_summary(self):
        text = "涉黑恶案件同比下降18.9%,抓获120名,2月2日"
        gold_recs = [{"id": "s1", "text": text, "claims": [
            gold("18.9%", "change", "18.9", unit="%", change="down", basis="yoy",
                 subject="涉黑恶案件"),
            gold("120名", "count", "120", unit="名"),
            gold("2月2日", "date", date="--02-02")]}]
        preds = {"s1": [
            rec("s1", text, "18.9%", "percent", "18.9", unit="%", subject="涉黑恶案件"),
            rec("s1", text, "120名", "count", "120", unit="名", subject="抓获"),
            rec("s1", text, "2月", "date", date="--02"),
        ]}
        s = sg.score(gold_recs, preds)
        # 抓获 against no subject: wrong either way; so exact agrees with contained here.
        self.assertAlmostEqual(s["subject_exact"], 0.5)
        self.assertEqual((s["tp"], s["fp"], s["fn"]), (2, 1, 1))
        self.assertAlmostEqual(s["attr_accuracy"], 0.5)     # the change read as percent
        self.assertAlmostEqual(s["attr"]["kind"], 0.5)
        self.assertAlmostEqual(s["attr"]["unit"], 1.0)
        self.assertAlmostEqual(s["subject_accuracy"], 0.5)
        # per kind: a kind confusion is an FN of the gold kind and an FP of ours
        self.assertEqual(s["per_kind"]["change"]["fn"], 1)
        self.assertEqual(s["per_kind"]["percent"]["fp"], 1)
        self.assertEqual(s["per_kind"]["count"]["tp"], 1)
        self.assertEqual(s["per_kind"]["date"], {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0,
                                                 "recall": 0.0, "f1": 0.0})
        self.assertEqual(len(s["errors"]["fn"]), 1)
        self.assertEqual(s["errors"]["fn"][0]["near"][0]["date"], "--02")


def case(suite, text, expected, **extra):
    return {"suite": suite, "id": f"{suite}:0", "input": text, "expected": expected, "meta": {},
            **extra}


def mention(value, unit=None, **kw):
    return {"text": "", "type": "number", "value": value, "unit": unit, "iso": None, **kw}


class AdapterTests(unittest.TestCase):
    def test_percent_adapter(self):
        t = "千分之2.4,五百分之2.2,上升6个百分点,达到30%"
        claims = [rec("d", t, "千分之2.4", "ratio", "0.0024"),
                  rec("d", t, "五百分之2.2", "ratio", "0.0044"),
                  rec("d", t, "6个百分点", "change", "6", unit="百分点", change="up"),
                  rec("d", t, "30%", "percent", "30", unit="%")]
        got = [f.value for f in peers.adapt_all(peers.SUITES["rt.percent"], claims, t)]
        self.assertEqual(got, [Decimal("0.24"), Decimal(6), Decimal(30)])

    def test_number_adapter_dates_and_ranges(self):
        t = "1991年1月16日晚20点,5-7天"
        claims = [rec("d", t, "1991年1月16日", "date", date="1991-01-16"),
                  rec("d", t, "20点", "date", date="T20"),
                  rec("d", t, "5-7天", "duration", "5", high="7", unit="天")]
        founds = peers.adapt_all(peers.SUITES["rt.number"], claims, t)
        self.assertTrue(peers.list_passes([mention(v) for v in ("1991", "1", "16", "20", "5", "7")],
                                          founds))

    def test_age_adapter_accepts_duration_followed_by_da(self):
        t = "宝宝十个月大,工作十个月"
        claims = [rec("d", t, "十个月", "duration", "10", unit="个月"),
                  rec("d", t, "十个月", "duration", "10", unit="个月", after=7)]
        self.assertEqual(len(peers.adapt_all(peers.SUITES["rt.age"], claims, t)), 1)

    def test_money_negative_case(self):
        t = "基站总数是10000，其中有9000台"
        claims = [rec("d", t, "10000", "count", "10000"), rec("d", t, "9000台", "count", "9000")]
        o = peers.judge(case("jionlp.extract_money", t, []), claims)
        self.assertTrue(o.passed)

    def test_list_multiset(self):
        f = [peers.Found({}, Decimal(250), parts=(Decimal(250),))] * 2
        self.assertFalse(peers.list_passes([mention("250")] * 3, f))
        self.assertTrue(peers.list_passes([mention("250"), mention(None)] * 2, f))


class WholeStringTests(unittest.TestCase):
    def judge(self, suite, text, m, claims):
        return peers.judge(case(suite, text, [m]), claims)

    def test_point_and_alt(self):
        t = "2角"
        ours = [rec("d", t, "2角", "money", "0.2", unit="元")]
        m = mention("20", "cent", alt=[{"value": "0.2", "unit": "dollar"}])
        self.assertTrue(self.judge("duckling.money", t, m, ours).passed)

    def test_between_under_above(self):
        t = "5.6到5.78元"
        m = mention(None, "dollar", range={"min": "5.6", "max": "5.78"})
        ok = [rec("d", t, t, "money", "5.6", high="5.78", unit="元")]
        self.assertTrue(self.judge("duckling.money", t, m, ok).passed)
        t = "最多一块二"
        m = mention(None, "dollar", range={"min": None, "max": "1.2"}, approx="under")
        self.assertTrue(self.judge("duckling.money", t, m,
                                   [rec("d", t, t, "money", "1.2", unit="元",
                                        approx="at_most")]).passed)
        self.assertFalse(self.judge("duckling.money", t, m,
                                    [rec("d", t, t, "money", "1.2", unit="元")]).passed)
        t = "至少四毫升"
        m = mention(None, "millilitre", range={"min": "4", "max": None}, approx="above")
        self.assertTrue(self.judge("duckling.volume", t, m,
                                   [rec("d", t, t, "measure", "4", unit="毫升",
                                        approx="at_least")]).passed)

    def test_exactly_one_claim(self):
        t = "一小時零十五秒"
        ours = [rec("d", t, "一小時", "duration", "1", unit="小时"),
                rec("d", t, "十五秒", "duration", "15", unit="秒")]
        o = self.judge("duckling.duration", t, mention("3615", "second"), ours)
        self.assertFalse(o.passed)
        self.assertIn("adds up compound amounts", o.conflict)


class ConflictTests(unittest.TestCase):
    def test_duckling_grams(self):
        t = "3斤"
        o = peers.judge(case("duckling.quantity", t, [mention("1500", "gram")]),
                        [rec("d", t, t, "measure", "3", unit="斤")])
        self.assertFalse(o.passed)
        self.assertIn("normalises units", o.conflict)

    def test_half_day_in_hours(self):
        t = "半天"
        o = peers.judge(case("duckling.duration", t, [mention("12", "hour")]),
                        [rec("d", t, t, "duration", "0.5", unit="天")])
        self.assertIn("normalises units", o.conflict)

    def test_month_is_a_date(self):
        t = "十月"
        o = peers.judge(case("duckling.duration", t, [mention("10", "month")]),
                        [rec("d", t, t, "date", date="--10")])
        self.assertIn("calendar month", o.conflict)

    def test_jionlp_blur_interval(self):
        t = "3000多欧元"
        m = mention(None, "欧元", range={"min": "3000.00", "max": "4000.00"}, approx="blur")
        o = peers.judge(case("jionlp.parse_money", t, [m]),
                        [rec("d", t, t, "money", "3000", unit="欧元", approx="over")])
        self.assertFalse(o.passed)
        self.assertIn("interval", o.conflict)

    def test_bare_amount_is_a_count(self):
        t = "小于40万"
        o = peers.judge(case("jionlp.parse_money", t, [mention("400000.00", "元")]),
                        [rec("d", t, "40万", "count", "400000", approx="under")])
        self.assertIn("no currency word", o.conflict)
        t = "１欧元可以"   # a currency word follows: an ordinary failure, not a convention
        o = peers.judge(case("rt.currency", t, [mention("1", "Euro")]),
                        [rec("d", t, "１", "count", "1")])
        self.assertIsNone(o.conflict)

    def test_ratio_rounding(self):
        t = "四千二分之三"
        o = peers.judge(case("rt.number", t, [mention("0.000714285714285714")]),
                        [rec("d", t, t, "ratio", "0.000714")])
        self.assertFalse(o.passed)
        self.assertIn("6 decimals", o.conflict)

    def test_ordinal_and_indefinite_yi(self):
        t = "二〇〇二年的第一场雪"
        exp = [mention("2002", type="date_part", start=0), mention("1", type="ordinal", start=7)]
        o = peers.judge(case("cn2an.transform.cn2an", t, exp),
                        [rec("d", t, "二〇〇二年", "date", date="2002")])
        self.assertIn("ordinal", o.conflict)
        t = "一只"
        o = peers.judge(case("rt.number", t, [dict(mention("1", start=0), text="一")]), [])
        self.assertIn("indefinite", o.conflict)

    def test_rt_number_skips_x_percent(self):
        t = "总额也减少了二％，为四十九兆九千五百九十二億元"
        claims = [rec("d", t, "二％", "change", "2", unit="%", change="down"),
                  rec("d", t, "四十九兆九千五百九十二億元", "money", "49959200000000", unit="元")]
        o = peers.judge(case("rt.number", t, [mention("49959200000000")]), claims)
        self.assertIn("X%", o.conflict)

    def test_range_one_end(self):
        t = "找出酒精量在5-20%之间的产品"
        o = peers.judge(case("rt.percent", t, [mention("20%", "%")]),
                        [rec("d", t, "5-20%", "percent", "5", high="20", unit="%")])
        self.assertIn("one end", o.conflict)

    def test_qian_mi_is_a_unit(self):
        t = "两千米"
        o = peers.judge(case("cn2an.transform.cn2an", t, [mention("2000", start=0)]),
                        [rec("d", t, t, "measure", "2", unit="千米")])
        self.assertIn("千米", o.conflict)

    def test_plain_failure_has_no_conflict(self):
        t = "九百九十九"
        o = peers.judge(case("cn2an.cn2an.strict", t, [mention("999")]),
                        [rec("d", t, t, "count", "990")])
        self.assertFalse(o.passed)
        self.assertIsNone(o.conflict)


if __name__ == "__main__":
    unittest.main()
