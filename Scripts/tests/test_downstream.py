"""What an analyst does with real `zhclaims extract Corpus/` output: load it in DuckDB and pandas, and
run the queries of docs/ANALYTICS.md.

Schema validation is done by test_output_schema.py and is not repeated here. This file checks:
- DuckDB's `read_json(…, format='newline_delimited')` infers the documented types (`value`
  DOUBLE, `start`/`end` BIGINT, `kind` VARCHAR). The page's load block, with explicit `columns=`,
  reads every line with the same values as Python's json module, and `value_str` cast to DECIMAL
  is exact.
- The page's pandas block loads the same number of rows as DuckDB and as there are lines, without
  turning exact strings into floats.
- Every ```sql block on the page runs and returns rows. The main queries (claims by kind and unit,
  top subjects, year-on-year changes, money totals, documents with most claims) give the same
  answers when recomputed independently in pandas and Python.

Needs duckdb and pandas (installed by Scripts/setup.sh --tests) and the release binary (built by
Scripts/test.sh). The test is skipped when the binary is missing.
"""
import decimal
import json
import re
import subprocess
import tempfile
import unittest
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".build" / "release" / "zhclaims"
PAGE = ROOT / "docs" / "ANALYTICS.md"
KEYS = ["doc", "sent", "start", "end", "byte_start", "byte_end", "text", "kind", "value", "value_str",
        "unit", "currency", "approx", "change", "basis", "high", "high_str", "date", "subject", "rule"]
# Blocks the page must keep: the tests below recompute them in pandas.
REQUIRED_BLOCKS = {"load", "by_kind_unit", "top_subjects", "yoy", "money", "docs", "approx"}


def fenced_blocks(text: str, lang: str) -> list[str]:
    """The bodies of the ```LANG blocks of a Markdown page, in order."""
    return re.findall(rf"^```{lang}[ \t]*\n(.*?)^```[ \t]*$", text, flags=re.S | re.M)


def named_sql_blocks(text: str) -> dict[str, str]:
    """The ```sql blocks by name: each starts with a line `-- NAME: description`."""
    blocks = {}
    for body in fenced_blocks(text, "sql"):
        m = re.match(r"--\s*(\w+):", body)
        if not m:
            raise AssertionError(f"sql block without a '-- name:' first line:\n{body}")
        if m.group(1) in blocks:
            raise AssertionError(f"two sql blocks named {m.group(1)!r}")
        blocks[m.group(1)] = body
    return blocks


def missing(x) -> bool:
    return x is None or (not isinstance(x, str) and pd.isna(x))


@unittest.skipUnless(BIN.exists(), "release binary not built")
class DownstreamTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="zhclaims-downstream-")
        cls.path = Path(cls.tmp.name) / "claims.jsonl"
        proc = subprocess.run([str(BIN), "extract", "Corpus/"], cwd=ROOT, capture_output=True, check=True)
        cls.path.write_bytes(proc.stdout)
        cls.lines = proc.stdout.decode("utf-8").splitlines()
        cls.records = [json.loads(line) for line in cls.lines]
        cls.page = PAGE.read_text(encoding="utf-8")
        cls.blocks = named_sql_blocks(cls.page)
        cls.con = duckdb.connect()
        cls.con.execute(cls.sql("load"))

    @classmethod
    def tearDownClass(cls):
        cls.con.close()
        cls.tmp.cleanup()

    @classmethod
    def sql(cls, name: str) -> str:
        """A block of the page, reading this run's output instead of 'claims.jsonl'."""
        return cls.blocks[name].replace("'claims.jsonl'", "'" + str(cls.path).replace("'", "''") + "'")

    def query(self, name: str) -> list[dict]:
        cur = self.con.execute(self.sql(name))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def pandas_frame(self) -> pd.DataFrame:
        """The page's ```python block, run on this output; it must define `df`."""
        (code,) = fenced_blocks(self.page, "python")
        self.assertIn('"claims.jsonl"', code)
        namespace: dict = {}
        exec(code.replace('"claims.jsonl"', repr(str(self.path))), namespace)
        return namespace["df"]

    # -- loading -------------------------------------------------------------------------------

    def test_output_is_large_enough_to_mean_something(self):
        self.assertGreater(len(self.records), 100)
        self.assertGreater(len({r["doc"] for r in self.records}), 5)

    def test_duckdb_infers_the_documented_types(self):
        # Inference makes `value` DOUBLE only if some value has a fraction; the corpus has some.
        self.assertTrue(any(isinstance(r["value"], float) for r in self.records))
        cur = self.con.execute("DESCRIBE SELECT * FROM read_json(?, format = 'newline_delimited')", [str(self.path)])
        types = {row[0]: row[1] for row in cur.fetchall()}
        self.assertEqual(list(types), KEYS)
        self.assertEqual(types["value"], "DOUBLE")
        for col in ("sent", "start", "end", "byte_start", "byte_end"):
            self.assertEqual(types[col], "BIGINT", col)
        for col in ("doc", "text", "kind", "value_str", "rule"):
            self.assertEqual(types[col], "VARCHAR", col)

    def test_load_block_gives_fixed_types(self):
        types = {row[0]: row[1] for row in self.con.execute("DESCRIBE claims").fetchall()}
        self.assertEqual(list(types), KEYS + ["value_exact", "high_exact"])
        self.assertEqual(types["value"], "DOUBLE")
        self.assertEqual(types["high"], "DOUBLE")  # inference would say "NULL" when no claim is a range
        self.assertEqual((types["start"], types["end"]), ("BIGINT", "BIGINT"))
        self.assertEqual(types["kind"], "VARCHAR")
        self.assertTrue(types["value_exact"].startswith("DECIMAL"), types["value_exact"])

    def test_load_block_reads_every_line_with_the_same_values(self):
        cur = self.con.execute("SELECT * FROM claims")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, row)) for row in cur.fetchall()]
        self.assertEqual(len(rows), len(self.lines))
        by_span = {(r["doc"], r["start"]): r for r in rows}
        self.assertEqual(len(by_span), len(rows), "claims overlap or repeat within a document")
        for rec in self.records:
            row = by_span[(rec["doc"], rec["start"])]
            for key in KEYS:
                self.assertEqual(row[key], rec[key], f"{key} of {rec}")
            for exact, string in (("value_exact", "value_str"), ("high_exact", "high_str")):
                if rec[string] is None:
                    self.assertIsNone(row[exact])
                else:
                    self.assertEqual(row[exact], decimal.Decimal(rec[string]), rec)
                    self.assertEqual(float(row[exact]), float(rec[string]))

    def test_pandas_loads_the_same_rows_as_duckdb_and_the_file(self):
        df = self.pandas_frame()
        duck_count = self.con.execute("SELECT count(*) FROM claims").fetchone()[0]
        self.assertEqual(len(df), len(self.lines))
        self.assertEqual(len(df), duck_count)
        self.assertEqual(list(df.columns), KEYS)
        self.assertEqual(str(df["value"].dtype), "float64")
        self.assertEqual(str(df["high"].dtype), "float64")
        self.assertEqual(str(df["start"].dtype), "int64")
        self.assertTrue(pd.api.types.is_string_dtype(df["doc"]))
        # Exact strings stay the same strings: not floats, no numeric-looking id turned into a number.
        for rec, (_, row) in zip(self.records, df.iterrows()):
            for key in ("doc", "text", "kind", "value_str", "unit", "date", "rule"):
                if rec[key] is None:
                    self.assertTrue(missing(row[key]), f"{key} of {rec}")
                else:
                    self.assertEqual(row[key], rec[key], f"{key} of {rec}")
            if rec["value"] is not None:
                self.assertEqual(row["value"], rec["value"])

    # -- the page's queries ----------------------------------------------------------------------

    def test_every_sql_block_on_the_page_runs_and_returns_rows(self):
        self.assertTrue(REQUIRED_BLOCKS <= set(self.blocks), set(self.blocks))
        queries = [name for name in self.blocks if name != "load"]
        self.assertTrue(5 <= len(queries) <= 8, queries)
        self.assertEqual(next(iter(self.blocks)), "load", "the load block must come first")
        con = duckdb.connect()  # fresh: the blocks, in page order, must be enough on their own
        try:
            for name, body in self.blocks.items():
                cur = con.execute(body.replace("'claims.jsonl'", "'" + str(self.path).replace("'", "''") + "'"))
                if name == "load":
                    self.assertEqual(con.execute("SELECT count(*) FROM claims").fetchone()[0], len(self.lines))
                    continue
                rows = cur.fetchall()
                self.assertGreater(len(rows), 0, f"query {name} returned nothing on the corpus")
        finally:
            con.close()

    def test_claims_by_kind_and_unit(self):
        df = self.pandas_frame()
        expected = {(kind, None if missing(unit) else unit): n
                    for (kind, unit), n in df.groupby(["kind", "unit"], dropna=False).size().items()}
        rows = self.query("by_kind_unit")
        self.assertEqual({(r["kind"], r["unit"]): r["claims"] for r in rows}, expected)
        self.assertEqual(sum(r["claims"] for r in rows), len(self.records))
        self.assertEqual([r["claims"] for r in rows], sorted((r["claims"] for r in rows), reverse=True))

    def test_top_subjects(self):
        df = self.pandas_frame()
        counts = df["subject"].dropna().value_counts()
        expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        rows = self.query("top_subjects")
        self.assertEqual([(r["subject"], r["claims"]) for r in rows], expected)
        for r in rows:
            kinds = {rec["kind"] for rec in self.records if rec["subject"] == r["subject"]}
            self.assertEqual(r["kinds"].split(","), sorted(kinds))

    def test_year_on_year_changes(self):
        # Recomputed from the JSON records: the subject of the change, else of the closest earlier
        # claim with one in the same sentence.
        expected = []
        by_sentence: dict = {}
        for rec in self.records:
            by_sentence.setdefault((rec["doc"], rec["sent"]), []).append(rec)
        for claims in by_sentence.values():
            about = None
            for rec in sorted(claims, key=lambda r: r["start"]):
                here = rec["subject"] if rec["subject"] is not None else about
                if rec["kind"] == "change" and rec["basis"] == "yoy" and rec["unit"] == "%":
                    sign = -1 if rec["change"] == "down" else 1
                    expected.append((rec["doc"], rec["start"], rec["sent"], here, rec["text"], sign * rec["value"]))
                if rec["subject"] is not None:
                    about = rec["subject"]
        expected = [e[:1] + e[2:] for e in sorted(expected, key=lambda e: (e[0], e[1]))]
        self.assertGreater(len(expected), 0, "the corpus has year-on-year changes")
        rows = self.query("yoy")
        self.assertEqual([(r["doc"], r["sent"], r["about"], r["text"], r["pct_change"]) for r in rows], expected)
        self.assertTrue(any(r["pct_change"] < 0 for r in rows) and any(r["pct_change"] > 0 for r in rows))

    def test_money_totals_are_exact(self):
        totals: dict = {}
        exact_only: dict = {}
        for rec in self.records:
            if rec["kind"] == "money":
                v = decimal.Decimal(rec["value_str"])
                totals[rec["currency"]] = totals.get(rec["currency"], 0) + v
                if rec["approx"] is None:
                    exact_only[rec["currency"]] = exact_only.get(rec["currency"], 0) + v
        self.assertGreater(len(totals), 1, "the corpus has money in more than one currency")
        rows = self.query("money")
        self.assertEqual({r["currency"]: r["total"] for r in rows}, totals)
        self.assertEqual({r["currency"]: r["total_exact_figures"] for r in rows if r["total_exact_figures"] is not None},
                         exact_only)

    def test_documents_with_most_claims(self):
        df = self.pandas_frame()
        expected = sorted(Counter(df["doc"]).items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        rows = self.query("docs")
        self.assertEqual([(r["doc"], r["claims"]) for r in rows], expected)
        for r in rows:
            mine = [rec for rec in self.records if rec["doc"] == r["doc"]]
            self.assertEqual(r["money"], sum(rec["kind"] == "money" for rec in mine))
            self.assertEqual(r["kinds"], len({rec["kind"] for rec in mine}))

    def test_approximate_vs_exact(self):
        rows = {r["kind"]: r for r in self.query("approx")}
        counted = Counter((rec["kind"], rec["approx"] is not None) for rec in self.records if rec["kind"] != "date")
        self.assertEqual(set(rows), {kind for kind, _ in counted})
        for kind, r in rows.items():
            self.assertEqual(r["exact"], counted[(kind, False)], kind)
            self.assertEqual(r["approximate"], counted[(kind, True)], kind)
        self.assertGreater(sum(r["approximate"] for r in rows.values()), 0)


if __name__ == "__main__":
    unittest.main()
