"""The Spark job (Scripts/spark/zhclaims_spark.py) gives the claims of a local zhclaims run.

Two runs in Spark's local mode (`local[2]`, two executor threads; the job pipes its documents
through `zhclaims extract --stdin --jobs 1`):
- Corpus/, through spark-submit, written as one file (--coalesce). It must hold exactly the lines of
  `zhclaims extract Corpus/`, as a sorted list and in the same order. The doc ids match as well:
  paths relative to Corpus/ and the ids of the records in the .jsonl dump.
- a folder made here, run with python3 and written as a folder of parts, with an extra rule folder
  shipped to the executors. The folder has nested and non-ASCII folder names, a Big5 file, a
  doubled BOM, a binary file, a hidden folder, and a dump with numeric ids, a missing id, CRLF and
  bad lines. The parts together must equal `zhclaims extract --rules R FOLDER/`. The exit status
  (1: some input skipped) and the skipped sources must be the same too.

The durations are printed. The test is skipped, with the reason, when the release binary, Java
(17+ for pyspark 4) or pyspark is missing. Scripts/setup.sh --tests installs Java and pyspark.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".build" / "release" / "zhclaims"
JOB = ROOT / "Scripts" / "spark" / "zhclaims_spark.py"
SPARK_CONF = ["spark.ui.enabled=false", "spark.ui.showConsoleProgress=false"]
TIMEOUT = 900


def java_major() -> int | None:
    if not shutil.which("java"):
        return None
    proc = subprocess.run(["java", "-version"], capture_output=True, text=True)
    m = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if proc.returncode != 0 or not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def spark_unavailable() -> str | None:
    """Why the Spark test cannot run here, or None."""
    if not BIN.exists():
        return "release binary not built"
    try:
        import pyspark
    except ImportError:
        return "pyspark is not installed (Scripts/setup.sh --tests installs it)"
    java = java_major()
    needed = 17 if int(pyspark.__version__.split(".")[0]) >= 4 else 8
    if java is None:
        return "no working Java (Scripts/setup.sh --tests installs openjdk-17-jre-headless)"
    if java < needed:
        return f"Java {java} is too old for pyspark {pyspark.__version__} (needs {needed})"
    return None


def skipped_sources(stderr: str, prefix: str) -> set[str]:
    """The SOURCE of each `PREFIX: SOURCE: reason` line (the reasons are worded differently). The
    closing summary lines have no second ': ' and are left out."""
    sources = set()
    for line in stderr.splitlines():
        rest = line[len(prefix) + 2:] if line.startswith(prefix + ": ") else ""
        if ": " in rest:
            sources.add(rest.split(": ")[0])
    return sources


REASON = spark_unavailable()


@unittest.skipIf(REASON is not None, f"Spark test skipped: {REASON}")
class SparkJobTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import pyspark
        cls.pyspark = pyspark
        cls.tmp = tempfile.TemporaryDirectory(prefix="zhclaims-spark-test-")
        cls.env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable,
                       PYSPARK_DRIVER_PYTHON=sys.executable)
        cls.env.pop("ZHCLAIMS_RULES", None)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def conf_args(self, name: str) -> list[str]:
        local_dir = Path(self.tmp.name) / f"spark-local-{name}"
        local_dir.mkdir()
        args = []
        for kv in SPARK_CONF + [f"spark.local.dir={local_dir}"]:
            args += ["--conf", kv]
        return args

    def timed(self, label: str, cmd: list[str], env: dict) -> subprocess.CompletedProcess:
        started = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT)
        took = time.monotonic() - started
        print(f"\ntest_spark: {label} took {took:.1f} s (pyspark {self.pyspark.__version__}, "
              f"Java {java_major()})", file=sys.stderr, flush=True)
        return proc

    def local_run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN), "extract", *args], cwd=ROOT, env=self.env, capture_output=True)

    def test_corpus_gives_the_claims_of_a_local_run(self):
        local = self.local_run("Corpus/")
        self.assertEqual(local.returncode, 0, local.stderr)
        expected = local.stdout.decode("utf-8").splitlines()
        # HTML pages included: the job sends them as "format": "html" records.
        html = {str(p.relative_to(ROOT / "Corpus")) for p in (ROOT / "Corpus").rglob("*")
                if p.suffix.lower() in (".html", ".htm")}
        self.assertGreater(len(expected), 100)

        out = Path(self.tmp.name) / "corpus-claims.jsonl"
        spark_submit = Path(self.pyspark.__file__).parent / "bin" / "spark-submit"
        cmd = [str(spark_submit), "--master", "local[2]", *self.conf_args("corpus"), str(JOB),
               "--binary", str(BIN), "--coalesce", "Corpus/", str(out)]
        proc = self.timed("spark-submit local[2] over Corpus/", cmd, self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr[-4000:])
        got = out.read_text(encoding="utf-8").splitlines()

        self.assertEqual(sorted(got), sorted(expected))
        self.assertEqual(got, expected, "same claims, but not in the order of the local run")
        docs = {json.loads(line)["doc"] for line in got}
        self.assertIn("000_0ce164363d9924ef.txt", docs)  # a path relative to Corpus/
        dump_ids = {json.loads(line)["id"] for line in (ROOT / "Corpus" / "news_dump.jsonl").read_text().splitlines()
                    if line.strip()}
        self.assertTrue(dump_ids & docs, "the ids of the .jsonl dump's records")
        for path in html:
            self.assertIn(path, docs, "an HTML page's claims")

    def test_rules_folders_and_inputs_of_every_kind(self):
        base = Path(self.tmp.name)
        rules = base / "myrules"
        rules.mkdir()
        (rules / "reads.yaml").write_text(
            "fragments:\n"
            "  reads: '(?:阅读量|播放量|点击量)'\n"
            "rules:\n"
            "  - id: user.reads\n"
            "    kind: count\n"
            "    pattern: '{reads} (?:达|超过)? \\K (?<num>{number}) (?<mult>{mult})?'\n"
            "    examples:\n"
            "      - text: 这条视频播放量达12万\n"
            "        expect: [{text: 12万, kind: count, value: 120000}]\n"
            "      - text: 阅读量很高\n"
            "        expect: []\n", encoding="utf-8")
        news = base / "news"
        for folder in ("a", "子目录", "with space", ".hidden"):
            (news / folder).mkdir(parents=True)
        (news / "a.txt").write_text("这条视频播放量达12万，点赞3000次。\n", encoding="utf-8")
        (news / "a" / "b.txt").write_text("去年全市生产总值增长6.1%，达到1.2万亿元。", encoding="utf-8")
        (news / "with space" / "c d.txt").write_text("共有8辆车受损。", encoding="utf-8")
        (news / ".hidden" / "x.txt").write_text("共9人", encoding="utf-8")
        (news / "big5.txt").write_bytes("颱風造成約3.5億港元損失，逾300宗塌樹。".encode("big5"))
        (news / "gbk.txt").write_bytes("上半年新增城镇就业6.3万人，同比增长5.8%。".encode("gbk"))
        (news / "dbom.txt").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + "双BOM文件：共7人。".encode("utf-8"))
        (news / "bin.txt").write_bytes("全市有".encode("utf-8") + b"\x00" + "12家".encode("utf-8"))
        (news / "子目录" / "dump.jsonl").write_bytes("\n".join([
            '{"id": 17, "text": "共有3人受伤，阅读量超过5万。"}',
            "",
            '{"text": "没有编号的记录，共5家企业。"}',
            '{"id": 1.50, "text": "\\ufeff同比增长12%"}',
            "not json",
            '{"id": true, "text": "x"}\r',
            '{"id": "crlf", "text": "约2万户"}\r',
        ]).encode("utf-8") + b"\n")

        given = str(news) + "/"
        local = self.local_run("--rules", str(rules), given)
        expected = local.stdout.decode("utf-8").splitlines()
        self.assertEqual(local.returncode, 1, "the local run skips the bad inputs")
        self.assertTrue(any(json.loads(line)["rule"] == "user.reads" for line in expected))

        out = base / "news-claims"
        env = dict(self.env, PYSPARK_SUBMIT_ARGS=" ".join(self.conf_args("news")) + " pyspark-shell")
        cmd = [sys.executable, str(JOB), "--master", "local[2]", "--partitions", "3",
               "--binary", str(BIN), "--rules", str(rules), given, str(out)]
        proc = self.timed("python3 local[2] over a mixed folder with --rules", cmd, env)
        self.assertEqual(proc.returncode, 1, proc.stderr[-4000:])
        parts = sorted(out.glob("part-*"))
        self.assertEqual(len(parts), 3)
        got = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
        self.assertEqual(got, expected)
        self.assertEqual(skipped_sources(proc.stderr, "zhclaims-spark"),
                         skipped_sources(local.stderr.decode("utf-8"), "zhclaims"))


if __name__ == "__main__":
    unittest.main()
