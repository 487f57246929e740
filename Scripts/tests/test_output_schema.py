"""Real output of `zhclaims extract Corpus/` against schema/claim.schema.json and docs/FORMAT.md.

Runs the release binary (built by Scripts/test.sh) with and without --context and checks every
line: the JSON Schema, the key order, that `value` carries exactly the digits of `value_str`, that
`text` is the document text between the code point offsets and `byte_start`/`byte_end` are the
same span in UTF-8 bytes.
"""
import json
import subprocess
import unittest
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".build" / "release" / "zhclaims"
KEYS = ["doc", "sent", "start", "end", "byte_start", "byte_end", "text", "kind", "value", "value_str",
        "unit", "currency", "approx", "change", "basis", "high", "high_str", "date", "subject", "rule"]


def extract(*args: str) -> list[str]:
    proc = subprocess.run([str(BIN), "extract", *args], cwd=ROOT, capture_output=True, check=True)
    return proc.stdout.decode("utf-8").splitlines()


@unittest.skipUnless(BIN.exists(), "release binary not built")
class OutputSchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = json.loads((ROOT / "schema" / "claim.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)

    def test_every_line_validates_and_keeps_key_order(self):
        lines = extract("Corpus/")
        self.assertGreater(len(lines), 100)
        for line in lines:
            record = json.loads(line)
            errors = [e.message for e in self.validator.iter_errors(record)]
            self.assertEqual(errors, [], line)
            self.assertEqual(list(record), KEYS)

    def test_context_adds_sentence_on_every_line(self):
        for line in extract("--context", "Corpus/"):
            record = json.loads(line)
            self.assertEqual(list(record), KEYS + ["sentence"])
            self.assertIn(record["text"], record["sentence"])
            self.assertEqual(list(self.validator.iter_errors(record)), [])

    def test_value_digits_equal_value_str(self):
        for line in extract("Corpus/"):
            raw = line.split('"value":', 1)[1].split(",", 1)[0]
            record = json.loads(line)
            self.assertEqual(raw, record["value_str"] if record["value_str"] is not None else "null", line)

    def test_offsets_point_into_the_decoded_document(self):
        texts = {}
        for path in (ROOT / "Corpus").glob("*.txt"):
            # The corpus names its legacy files by encoding (Big5 bytes are often valid GB18030 too).
            enc = "big5" if "big5" in path.name else "gb18030" if "gbk" in path.name else "utf-8-sig"
            texts[path.name] = path.read_bytes().decode(enc)
        for rec in map(json.loads, (ROOT / "Corpus" / "news_dump.jsonl").read_text().splitlines()):
            texts[rec["id"]] = rec["text"]
        for line in extract("Corpus/"):
            r = json.loads(line)
            if r["doc"].endswith((".html", ".htm")):
                continue   # offsets count into the page's extracted text (see docs/FORMAT.md)
            text = texts[r["doc"]]
            self.assertEqual(text[r["start"]:r["end"]], r["text"])
            encoded = text.encode("utf-8")
            self.assertEqual(encoded[r["byte_start"]:r["byte_end"]].decode("utf-8"), r["text"])


if __name__ == "__main__":
    unittest.main()
