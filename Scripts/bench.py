#!/usr/bin/env python3
"""Benchmark: zhclaims against the bare ICU + PCRE2 cost, on real news.

Runs, over the same folder (default ../shared/corpus/news when present, else Corpus/):
  1. bare      Scripts/bench/bare.c: read + one PCRE2 JIT scan + ICU sentence break (the floor);
  2. jobs 1    zhclaims extract --jobs 1 (output to /dev/null);
  3. jobs 2    zhclaims extract --jobs 2;
and prints seconds, CPU seconds, MB/s, claims/s and peak RSS of each, the ratio of one job to
the bare pass (target <= 2.0) and the speed-up of two jobs over one (target >= 1.7).
  4. words     bare.c --words: the bare pass plus ICU word segmentation of all of the text.
zhclaims segments only the text a decision needs (its run report counts those code points); the
bare pass plus that share of the word cost is the floor of any run that needs those words,
whatever else it does, and is printed beside the target; so is the time the rule patterns take
alone (`zhclaims rules profile`: the PCRE2 calls of one job, timed one by one). Every
command runs once to warm the page cache, then --repeat rounds run all three in turn and each
keeps its fastest run (rounds, because a shared host's speed drifts over minutes).
Speed targets are checked here, never by timed unit tests.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_bare(out_dir: Path) -> Path:
    exe = out_dir / "bare"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libpcre2-8", "icu-uc", "icu-i18n"],
                           capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", str(exe), str(ROOT / "Scripts/bench/bare.c"), *flags], check=True)
    return exe


def timed(cmd: list[str], stdout) -> tuple[float, int, bytes, float]:
    """Runs cmd; returns (seconds, peak RSS in KiB of that child, stdout if captured, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    out = proc.stdout.read() if stdout == subprocess.PIPE else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return seconds, usage.ru_maxrss, out, usage.ru_utime + usage.ru_stime


def count_lines(cmd: list[str]) -> int:
    """Output lines of cmd, streamed: this process must stay small, because a forked child's
    peak RSS (ru_maxrss) includes the parent's memory up to its exec."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = 0
    while chunk := proc.stdout.read(1 << 20):
        lines += chunk.count(b"\n")
    proc.wait()
    return lines


def interleaved(cmds: dict, repeat: int) -> dict:
    """Each command once to warm the page cache, then `repeat` rounds that run every command in
    turn, keeping each command's fastest run: on a shared machine the speed of the host drifts
    over minutes, and rounds keep that drift from favouring one command over another. A short
    command runs `times` times per round: a one-second run is easily caught by a slow spell."""
    for cmd, stdout, _ in cmds.values():
        timed(cmd, stdout)
    best = {}
    for _ in range(repeat):
        for name, (cmd, stdout, times) in cmds.items():
            for _ in range(times):
                run = timed(cmd, stdout)
                if name not in best or run[0] < best[name][0]:
                    best[name] = run
    return best


def main() -> int:
    default = ROOT.parent / "shared/corpus/news"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(default if default.is_dir() else ROOT / "Corpus"))
    ap.add_argument("--bin", default=str(ROOT / ".build/release/zhclaims"))
    ap.add_argument("--repeat", type=int, default=2, help="rounds of timed runs (each command's best is kept)")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        bare = build_bare(Path(tmp))
        runs = interleaved({
            "bare": ([str(bare), args.folder], subprocess.PIPE, 5),
            "words": ([str(bare), "--words", args.folder], subprocess.PIPE, 1),
            "jobs1": ([args.bin, "extract", "--quiet", "--jobs", "1", args.folder], subprocess.DEVNULL, 1),
            "jobs2": ([args.bin, "extract", "--quiet", "--jobs", "2", args.folder], subprocess.DEVNULL, 1),
        }, args.repeat)
        secs, rss, out, cpu = runs["bare"]
        ref = json.loads(out)
        mb = ref["bytes"] / 1e6
        results = {"folder": args.folder, "files": ref["files"], "mb": round(mb, 1),
                   "bare": {"seconds": round(secs, 3), "mb_per_s": round(mb / secs, 1), "cpu_seconds": round(cpu, 2),
                            "peak_rss_mb": round(rss / 1024, 1)}}
        report_path = Path(tmp) / "report.json"
        claims = count_lines([args.bin, "extract", "--jobs", "1", "--quiet", "--report", str(report_path), args.folder])
        report = json.loads(report_path.read_text())
        share = report["word_segmented_code_points"] / max(1, report["code_points"])
        words_secs = runs["words"][0]
        words_cost = max(0.0, words_secs - secs)
        floor = secs + share * words_cost
        results["words"] = {"seconds": round(words_secs, 3), "word_cost_seconds": round(words_cost, 3),
                            "segmented_share": round(share, 4), "floor_seconds": round(floor, 3),
                            "floor_ratio": round(floor / secs, 2)}
        for jobs in (1, 2):
            s, r, _, c = runs[f"jobs{jobs}"]
            results[f"jobs{jobs}"] = {"seconds": round(s, 3), "mb_per_s": round(mb / s, 1), "cpu_seconds": round(c, 2),
                                      "claims_per_s": round(claims / s), "peak_rss_mb": round(r / 1024, 1)}
        results["claims"] = claims
        profile = subprocess.run([args.bin, "rules", "profile", "--top", "1", args.folder],
                                 capture_output=True, text=True, check=True).stdout
        m = re.search(r"(\d+) ms in patterns, (\d+) PCRE2 calls", profile)
        if m:
            results["patterns"] = {"seconds": int(m.group(1)) / 1000, "pcre2_calls": int(m.group(2)),
                                   "ratio_to_bare": round(int(m.group(1)) / 1000 / secs, 2)}
        results["ratio_jobs1_to_bare"] = round(results["jobs1"]["seconds"] / results["bare"]["seconds"], 2)
        results["speedup_jobs2"] = round(results["jobs1"]["seconds"] / results["jobs2"]["seconds"], 2)

    if args.json:
        print(json.dumps(results))
        return 0
    print(f"corpus: {results['folder']}  {results['files']} files, {results['mb']} MB, {claims} claims")
    print(f"{'run':8} {'seconds':>8} {'CPU s':>7} {'MB/s':>7} {'claims/s':>10} {'peak RSS MB':>12}")
    for name in ("bare", "jobs1", "jobs2"):
        r = results[name]
        print(f"{name:8} {r['seconds']:8.2f} {r['cpu_seconds']:7.2f} {r['mb_per_s']:7.1f} {r.get('claims_per_s', ''):>10} {r['peak_rss_mb']:12.1f}")
    print(f"one job / bare pass: {results['ratio_jobs1_to_bare']}x (target <= 2.0)")
    w = results["words"]
    print(f"ICU words over all text: +{w['word_cost_seconds']:.2f} s; zhclaims segments {100 * w['segmented_share']:.1f} % "
          f"of the code points, so no run that needs those words is under {w['floor_seconds']:.2f} s = "
          f"{w['floor_ratio']}x the bare pass")
    if "patterns" in results:
        p = results["patterns"]
        print(f"rule patterns alone (rules profile): {p['seconds']:.2f} s in {p['pcre2_calls']} PCRE2 calls = "
              f"{p['ratio_to_bare']}x the bare pass")
    print(f"jobs 2 speed-up over jobs 1: {results['speedup_jobs2']}x (target >= 1.7)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
