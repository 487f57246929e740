#!/usr/bin/env python3
"""Score zhclaims against a hand-annotated gold file (shared/gold/*.jsonl).

Usage:
    Scripts/score_gold.py GOLD.jsonl [--bin PATH] [--show-errors N] [--json]
                          [--min-f1 X] [--min-attr X] [--min-subject X]

Method
------
1. Every gold sentence becomes its own input document, ``{"id": <gold id>, "text": <sentence>}``,
   and the whole file goes through ONE ``zhclaims extract --stdin`` process. Predicted offsets are
   therefore code-point offsets into the sentence itself.
2. Gold spans are not stored; as shared/gold/README.md says, a gold claim's offset is the first
   occurrence of its ``text`` in the sentence at or after the end of the previous gold claim.
3. Matching, per sentence, one-to-one: a predicted claim matches a gold claim when
   * the spans overlap (half-open intervals share at least one code point), and
   * the values agree: for gold kind ``date`` the ISO ``date`` strings are equal; otherwise
     ``value`` is numerically equal (Decimal; the tool's ``value_str``, the gold's ``value``) and
     ``high`` is null on both sides or numerically equal.
   Gold claims are taken left to right; each takes, among the still unmatched predictions that
   overlap and agree, the one with the largest overlap (ties: leftmost). Kind is NOT part of the
   match: a claim found with the right value but the wrong kind is a TP with an attribute error.
4. Figures: TP, FP (unmatched predictions), FN (unmatched gold), precision, recall, F1.
   Over matched pairs: "attr accuracy" = share with kind, unit, approx and change all equal to
   gold, and each of those separately (basis and exact span are shown as well, for information).
   Subject accuracy = share of matched pairs whose subject is right: both null, or both non-null
   and one contained in the other (gold null but ours non-null is wrong, and vice versa).
   "exact" beside it: the share whose subject is exactly gold's (both null, or equal strings), for
   a scorer that does not forgive a longer or shorter phrase (CONVENTIONS asks for the shortest
   head noun phrase).
   Per-kind P/R/F1: a pair counts as TP for kind K only when gold and prediction are both K, so
   kind confusions show up as an FN of the gold kind and an FP of the predicted kind.
5. ``--min-*`` thresholds (a fraction such as 0.85 or a percentage such as 85) make the script exit
   1 when a figure is below them, so a test can keep a figure from regressing.

Exit status: 0 ok; 1 a threshold was not met; 2 the binary is missing, crashes or writes
malformed output, or the gold file cannot be read. The tool's own exit status 1 ("some input was
skipped") is reported as a warning, not a failure.

The helpers ``to_decimal``, ``numbers_equal`` and ``run_tool`` are shared with peers.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BIN = REPO_ROOT / ".build" / "release" / "zhclaims"

KIND_ORDER = ["count", "money", "percent", "change", "measure", "duration", "age", "rank",
              "multiple", "ratio", "date"]
ATTRS = ["kind", "unit", "approx", "change"]          # the attributes of "attr accuracy"
EXTRA_ATTRS = ["basis", "span"]                       # shown for information only
RECORD_KEYS = ["doc", "sent", "start", "end", "byte_start", "byte_end", "text", "kind", "value",
               "value_str", "unit", "currency", "approx", "change", "basis", "high", "high_str",
               "date", "subject", "rule"]


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


def to_decimal(x: Any) -> Decimal | None:
    """Read a number written by the tool or by a peer suite; None when absent or unreadable.

    Accepts JSON numbers (int, float, Decimal) and strings; in strings, thousands separators
    (``,`` and ``，``), spaces and a trailing ``%`` are dropped, fullwidth digits are read, and an
    exponent (``6E-05``) is allowed. A simple fraction ``a/b`` is evaluated.
    """
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, float):
        return Decimal(repr(x))
    s = str(x).translate(_FULLWIDTH).replace(",", "").replace("，", "").replace(" ", "")
    s = s.rstrip("%％")
    if "/" in s:
        num, _, den = s.partition("/")
        a, b = to_decimal(num), to_decimal(den)
        return a / b if a is not None and b not in (None, 0) else None
    try:
        d = Decimal(s)
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


REL_TOL = Decimal("1e-9")


def numbers_equal(a: Any, b: Any, rel_tol: Decimal = REL_TOL) -> bool:
    """Numeric equality with a relative tolerance (default 1e-9); both None counts as equal."""
    if a is None or b is None:
        return a is None and b is None
    da, db = to_decimal(a), to_decimal(b)
    if da is None or db is None:
        return False
    if da == db:
        return True
    return abs(da - db) <= rel_tol * max(abs(da), abs(db))


# --------------------------------------------------------------------------------------------
# Running the tool
# --------------------------------------------------------------------------------------------

class ToolError(Exception):
    """The binary is missing, crashed, or wrote something that is not a claim record."""


@dataclass
class ToolRun:
    by_doc: dict[str, list[dict]]          # claim records per input id, in output order
    exit_status: int
    stderr: str
    warnings: list[str] = field(default_factory=list)


def run_tool(binary: str | os.PathLike, docs: Iterable[tuple[str, str]],
             timeout: float = 900, extra_args: list[str] | None = None) -> ToolRun:
    """Feed ``(id, text)`` documents to one ``zhclaims extract --stdin`` and collect its records.

    Numbers in the output are read as Decimal (``parse_float=Decimal``) so that no digit is lost.
    Raises ToolError when the binary is missing, is killed, exits with a status other than 0 or 1,
    or writes a line that is not a JSON object with a ``doc`` key.
    """
    path = Path(binary)
    if not path.is_file():
        raise ToolError(f"zhclaims binary not found: {path} (build it with"
                        f" `swift build -c release`, or pass --bin PATH)")
    if not os.access(path, os.X_OK):
        raise ToolError(f"zhclaims binary is not executable: {path}")
    payload = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in docs)
    try:
        proc = subprocess.run([str(path), "extract", "--stdin", *(extra_args or [])], input=payload.encode("utf-8"),
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise ToolError(f"zhclaims did not finish within {timeout:g} s") from exc
    except OSError as exc:
        raise ToolError(f"cannot run {path}: {exc}") from exc
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        how = (f"was killed by signal {-proc.returncode}" if proc.returncode < 0
               else f"exited with status {proc.returncode}")
        raise ToolError(f"zhclaims {how}; stderr tail:\n{stderr[-2000:]}")
    run = ToolRun(by_doc={}, exit_status=proc.returncode, stderr=stderr)
    if proc.returncode == 1:
        run.warnings.append("zhclaims exited with status 1: some input was skipped"
                            + (f" ({stderr.strip().splitlines()[-1]})" if stderr.strip() else ""))
    for n, line in enumerate(proc.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise ToolError(f"zhclaims output line {n} is not JSON ({exc}): {line[:200]}") from exc
        if not isinstance(rec, dict) or "doc" not in rec:
            raise ToolError(f"zhclaims output line {n} is not a claim record: {line[:200]}")
        run.by_doc.setdefault(str(rec["doc"]), []).append(rec)
    return run


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

def gold_spans(sentence: str, claims: list[dict]) -> list[tuple[int, int] | None]:
    """Offsets of the gold claims: first occurrence of each ``text`` at or after the previous end.

    A claim whose text does not occur (an annotation error) gets None and can only be an FN.
    """
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for c in claims:
        i = sentence.find(c["text"], pos)
        if i < 0:
            spans.append(None)
            continue
        spans.append((i, i + len(c["text"])))
        pos = i + len(c["text"])
    return spans


def overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """Number of code points two half-open spans share (0 when disjoint or unknown)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pred_span(pred: dict) -> tuple[int, int] | None:
    s, e = pred.get("start"), pred.get("end")
    if isinstance(s, (int, Decimal)) and isinstance(e, (int, Decimal)):
        return int(s), int(e)
    return None


def pred_value(pred: dict) -> Any:
    """The tool's value: ``value_str`` when present (exact), else the JSON number ``value``."""
    v = pred.get("value_str")
    return v if v is not None else pred.get("value")


def pred_high(pred: dict) -> Any:
    h = pred.get("high_str")
    return h if h is not None else pred.get("high")


def values_agree(gold: dict, pred: dict) -> bool:
    """Dates: equal ISO strings. Others: value numerically equal and high both null or equal."""
    if gold.get("kind") == "date":
        return gold.get("date") is not None and gold.get("date") == pred.get("date")
    gv, pv = to_decimal(gold.get("value")), to_decimal(pred_value(pred))
    if gv is None or pv is None or gv != pv:
        return False
    gh, ph = to_decimal(gold.get("high")), to_decimal(pred_high(pred))
    return gh == ph  # both None, or the same number


def match_sentence(gold: list[dict], spans: list[tuple[int, int] | None],
                   preds: list[dict]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one greedy matching of one sentence.

    Returns (pairs of (gold index, pred index), unmatched gold indexes, unmatched pred indexes).
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        best, best_key = None, None
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            ov = overlap(spans[gi], pred_span(p))
            if ov == 0 or not values_agree(g, p):
                continue
            key = (-ov, pred_span(p)[0])
            if best_key is None or key < best_key:
                best, best_key = pi, key
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    matched_gold = {gi for gi, _ in pairs}
    return (pairs, [i for i in range(len(gold)) if i not in matched_gold],
            [i for i in range(len(preds)) if i not in used])


def subject_ok(gold_subject: str | None, pred_subject: str | None) -> bool:
    """Right when both null, or both non-null and one contains the other."""
    if gold_subject is None or pred_subject is None:
        return gold_subject is None and pred_subject is None
    return gold_subject in pred_subject or pred_subject in gold_subject


def attr_diffs(gold: dict, pred: dict, gold_span: tuple[int, int] | None) -> list[str]:
    """Names of the attributes (ATTRS and EXTRA_ATTRS) on which a matched pair differs."""
    diffs = [a for a in ATTRS + ["basis"] if gold.get(a) != pred.get(a)]
    if gold_span != pred_span(pred):
        diffs.append("span")
    return diffs


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def share(n: int, d: int) -> float | None:
    return n / d if d else None


def score(gold_records: list[dict], by_doc: dict[str, list[dict]]) -> dict:
    """Compare predictions (records grouped by doc id) with the gold sentences.

    Returns the summary dict printed by ``--json``; its ``errors`` key holds every FP, FN,
    attribute and subject mismatch (the caller trims them).
    """
    tp = fp = fn = 0
    attr_ok = {a: 0 for a in ATTRS + EXTRA_ATTRS}
    all_attrs_ok = subj_ok = subj_exact = 0
    per_kind: dict[str, dict[str, int]] = {}
    errors: dict[str, list[dict]] = {"fp": [], "fn": [], "attr": [], "subject": []}
    warnings: list[str] = []
    n_pred = 0
    bad_text = 0

    def bump(kind: str | None, what: str) -> None:
        per_kind.setdefault(kind or "?", {"tp": 0, "fp": 0, "fn": 0})[what] += 1

    gold_ids = set()
    for rec in gold_records:
        sid, text, claims = rec["id"], rec["text"], rec["claims"]
        gold_ids.add(sid)
        spans = gold_spans(text, claims)
        for c, sp in zip(claims, spans):
            if sp is None:
                warnings.append(f"{sid}: gold text {c['text']!r} not found in the sentence")
        preds = sorted(by_doc.get(sid, []), key=lambda p: (pred_span(p) or (0, 0)))
        n_pred += len(preds)
        for p in preds:
            sp = pred_span(p)
            if sp is None or text[sp[0]:sp[1]] != p.get("text"):
                bad_text += 1
        pairs, miss_g, miss_p = match_sentence(claims, spans, preds)
        tp, fn, fp = tp + len(pairs), fn + len(miss_g), fp + len(miss_p)
        for gi, pi in pairs:
            g, p = claims[gi], preds[pi]
            diffs = attr_diffs(g, p, spans[gi])
            for a in attr_ok:
                attr_ok[a] += a not in diffs
            main = [d for d in diffs if d in ATTRS]
            all_attrs_ok += not main
            if main:
                errors["attr"].append({"id": sid, "text": text, "gold": g, "pred": p,
                                       "span": spans[gi], "diff": main})
            subj_exact += g.get("subject") == p.get("subject")
            if subject_ok(g.get("subject"), p.get("subject")):
                subj_ok += 1
            else:
                errors["subject"].append({"id": sid, "text": text, "gold": g, "pred": p,
                                          "span": spans[gi], "diff": ["subject"]})
            if g.get("kind") == p.get("kind"):
                bump(g.get("kind"), "tp")
            else:
                bump(g.get("kind"), "fn")
                bump(p.get("kind"), "fp")
        for gi in miss_g:
            bump(claims[gi].get("kind"), "fn")
            near = [preds[pi] for pi in miss_p if overlap(spans[gi], pred_span(preds[pi]))]
            errors["fn"].append({"id": sid, "text": text, "gold": claims[gi], "span": spans[gi],
                                 "near": near})
        for pi in miss_p:
            bump(preds[pi].get("kind"), "fp")
            near = [claims[gi] for gi in miss_g if overlap(spans[gi], pred_span(preds[pi]))]
            errors["fp"].append({"id": sid, "text": text, "pred": preds[pi],
                                 "span": pred_span(preds[pi]), "near": near})

    stray = sorted(set(by_doc) - gold_ids)
    if stray:
        warnings.append(f"{len(stray)} output doc ids are not gold sentence ids, e.g. {stray[0]!r}")
    if bad_text:
        warnings.append(f"{bad_text} predicted records whose text is not input[start:end]")
    p, r, f = prf(tp, fp, fn)
    kinds = [k for k in KIND_ORDER if k in per_kind] + sorted(set(per_kind) - set(KIND_ORDER))
    return {
        "sentences": len(gold_records),
        "gold": tp + fn, "predicted": n_pred,
        "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f,
        "attr_accuracy": share(all_attrs_ok, tp),
        "attr": {a: share(attr_ok[a], tp) for a in ATTRS + EXTRA_ATTRS},
        "subject_accuracy": share(subj_ok, tp),
        "subject_exact": share(subj_exact, tp),
        "per_kind": {k: dict(per_kind[k], **dict(zip(("precision", "recall", "f1"),
                                                      prf(**per_kind[k])))) for k in kinds},
        "warnings": warnings,
        "errors": errors,
    }


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

def fmt_claim(c: dict | None) -> str:
    """Compact one-line rendering of a gold or predicted claim (nulls left out)."""
    if c is None:
        return "-"
    if c.get("kind") == "date":
        parts = [c.get("text"), "date", c.get("date")]
    else:
        v = c.get("value_str") if c.get("value_str") is not None else c.get("value")
        h = c.get("high_str") if c.get("high_str") is not None else c.get("high")
        parts = [c.get("text"), c.get("kind"), f"{v}" + (f"~{h}" if h is not None else ""),
                 c.get("unit"), c.get("approx"), c.get("change"), c.get("basis")]
    s = " ".join(str(x) for x in parts if x is not None)
    if c.get("subject") is not None:
        s += f" subj={c['subject']}"
    if c.get("rule"):
        s += f" [{c['rule']}]"
    return s


def context(text: str, span: tuple[int, int] | None, width: int = 24) -> str:
    """The sentence around a span, the span in 【】; the sentence start when the span is unknown."""
    if span is None:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    s, e = span
    left = ("…" if s > width else "") + text[max(0, s - width):s]
    right = text[e:e + width] + ("…" if len(text) > e + width else "")
    return f"{left}【{text[s:e]}】{right}"


def error_lines(errors: dict[str, list[dict]], limit: int) -> list[str]:
    out: list[str] = []
    for key, label in (("fp", "FP"), ("fn", "FN"), ("attr", "ATTR"), ("subject", "SUBJ")):
        items = errors[key]
        if not items:
            continue
        more = f" (first {limit})" if len(items) > limit else ""
        out.append(f"-- {label}: {len(items)}{more}")
        for e in items[:limit]:
            ctx = context(e["text"], e["span"])
            if key == "fp":
                near = "; ".join(fmt_claim(g) for g in e["near"]) or "-"
                out.append(f"FP   {e['id']}  ours: {fmt_claim(e['pred'])}  | gold: {near}  | {ctx}")
            elif key == "fn":
                near = "; ".join(fmt_claim(p) for p in e["near"]) or "-"
                out.append(f"FN   {e['id']}  gold: {fmt_claim(e['gold'])}  | ours: {near}  | {ctx}")
            else:
                out.append(f"{label:<4} {e['id']}  diff={','.join(e['diff'])}  gold: "
                           f"{fmt_claim(e['gold'])}  | ours: {fmt_claim(e['pred'])}  | {ctx}")
    return out


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def report(summary: dict, show_errors: int) -> str:
    s = summary
    lines = [
        f"sentences {s['sentences']}, gold claims {s['gold']}, predicted {s['predicted']}",
        f"TP {s['tp']}  FP {s['fp']}  FN {s['fn']}   precision {pct(s['precision'])}  "
        f"recall {pct(s['recall'])}  F1 {pct(s['f1'])}",
        f"attr accuracy {pct(s['attr_accuracy'])} (kind+unit+approx+change,"
        f" over {s['tp']} matched): "
        + "  ".join(f"{a} {pct(s['attr'][a])}" for a in ATTRS),
        "  also: " + "  ".join(f"{a} {pct(s['attr'][a])}" for a in EXTRA_ATTRS),
        f"subject accuracy {pct(s['subject_accuracy'])} (exact {pct(s['subject_exact'])})",
        "",
        f"{'kind':<10}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>9}{'R':>9}{'F1':>9}",
    ]
    for k, row in s["per_kind"].items():
        lines.append(f"{k:<10}{row['tp']:>6}{row['fp']:>6}{row['fn']:>6}{pct(row['precision']):>9}"
                     f"{pct(row['recall']):>9}{pct(row['f1']):>9}")
    for w in s["warnings"]:
        lines.append(f"warning: {w}")
    if show_errors > 0:
        lines += [""] + error_lines(s["errors"], show_errors)
    return "\n".join(lines)


def json_default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return int(o) if o == o.to_integral_value() else float(o)
    raise TypeError(type(o))


def threshold(x: str) -> float:
    """A threshold as a fraction; values above 1 are read as percentages (85 = 0.85)."""
    v = float(x)
    if v < 0 or v > 100:
        raise argparse.ArgumentTypeError(f"threshold out of range: {x}")
    return v / 100 if v > 1 else v


def load_gold(path: Path) -> list[dict]:
    records, seen = [], set()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            for key in ("id", "text", "claims"):
                if key not in rec:
                    raise ValueError(f"{path}:{n}: missing key {key!r}")
            if rec["id"] in seen:
                raise ValueError(f"{path}:{n}: duplicate id {rec['id']!r}")
            seen.add(rec["id"])
            records.append(rec)
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, help="gold JSONL file (shared/gold/*.jsonl)")
    ap.add_argument("--bin", default=str(DEFAULT_BIN),
                    help=f"zhclaims binary (default: {DEFAULT_BIN})")
    ap.add_argument("--min-f1", type=threshold, help="exit 1 if F1 is below this")
    ap.add_argument("--min-attr", type=threshold, help="exit 1 if attr accuracy is below this")
    ap.add_argument("--min-subject", type=threshold,
                    help="exit 1 if subject accuracy is below this")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print up to N false positives, false negatives, attribute and subject "
                         "mismatches each")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed to the tool")
    ap.add_argument("--rules", metavar="DIR",
                    help="use the rule files of DIR instead of the built-in ones (no rebuild needed)")
    args = ap.parse_args(argv)

    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"score_gold: cannot read gold file: {exc}", file=sys.stderr)
        return 2
    try:
        run = run_tool(args.bin, ((r["id"], r["text"]) for r in gold), timeout=args.timeout,
                       extra_args=["--no-builtin-rules", "--rules", args.rules] if args.rules else None)
    except ToolError as exc:
        print(f"score_gold: {exc}", file=sys.stderr)
        return 2
    summary = score(gold, run.by_doc)
    summary["warnings"] = run.warnings + summary["warnings"]
    summary["file"] = str(args.gold)
    summary["tool_exit"] = run.exit_status

    failed = []
    for name, key in (("F1", "f1"), ("attr accuracy", "attr_accuracy"),
                      ("subject accuracy", "subject_accuracy")):
        limit = getattr(args, "min_" + {"f1": "f1", "attr_accuracy": "attr",
                                        "subject_accuracy": "subject"}[key])
        if limit is not None and (summary[key] or 0.0) < limit:
            failed.append(f"{name} {pct(summary[key])} is below the minimum {pct(limit)}")
    summary["threshold_failures"] = failed

    if args.json:
        out = dict(summary)
        errors = out.pop("errors")
        if args.show_errors > 0:
            out["errors"] = {k: v[:args.show_errors] for k, v in errors.items()}
        print(json.dumps(out, ensure_ascii=False, default=json_default))
    else:
        print(report(summary, args.show_errors))
        for msg in failed:
            print(f"FAIL: {msg}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
