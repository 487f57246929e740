#!/usr/bin/env python3
"""Run zhclaims over a folder of news files or a JSON Lines dump with Apache Spark (PySpark).

    spark-submit Scripts/spark/zhclaims_spark.py --binary .build/release/zhclaims news/ claims-out/
    spark-submit Scripts/spark/zhclaims_spark.py --binary zhclaims --coalesce dump.jsonl claims.jsonl

Each INPUT is one of these:
- a folder. It is read recursively. Each file is one document, with the id being its path relative
  to the folder. Files ending in `.jsonl` or `.ndjson` are dumps: one `{"id","text"}` document
  per line.
- a JSON Lines dump (a file or a glob ending in `.jsonl` or `.ndjson`). It is read split by blocks.
- a single other file. Its id is the path as given.

Documents become `{"id","text"}` JSON lines. They are piped with `RDD.pipe` through
`zhclaims extract --stdin --jobs 1` (one process per partition, one core per task). The binary and
any `--rules` folders are shipped to the executors with `SparkContext.addFile`. The claims are
written as JSON Lines: a folder of part files (`saveAsTextFile`), or one file with `--coalesce`.

Decoding. zhclaims decodes files itself when it reads them. In this job the text reaches it as
JSON, so the job decodes the bytes in Python, the way zhclaims does:
- a BOM decides first (UTF-8, UTF-16LE/BE);
- then strict UTF-8;
- then strict GB18030 and strict Big5 (code page 950). Big5 bytes are often valid GB18030 too.
  When both decode, GB18030 wins unless its text has more Private Use Area characters than the
  Big5 text. Big5 punctuation and common characters fall in GB18030's user-defined area.
  zhclaims asks ICU's charset detector instead;
- then UTF-8, or failing that GB18030, with bad bytes replaced by U+FFFD.
`--encoding` forces one Python codec. A file with a NUL byte in its first 8 KiB is skipped as
binary, as zhclaims skips it.

HTML. `.html`/`.htm` files are sent as `{"id", "text", "format": "html"}` records, and zhclaims
extracts the page's text from the markup exactly as it does for a file it reads itself. The bytes
are decoded as valid UTF-8, else in the charset the page declares (`<meta charset>`), else as above.

Order and ids. The output is in the order of a local run: folders sorted by path, dumps in line
order. For a folder, the claims are the same lines that `zhclaims extract FOLDER` writes, in the
same order, and a dump record without an id is called `PATH:LINE` as zhclaims calls it. There are
these exceptions:
- Spark (Hadoop) does not list names starting with `_` (nor `.`, which zhclaims skips too);
- a dump given as a glob of several files numbers its lines across all of them;
- lines of a dump given directly are decoded by Spark, which replaces invalid UTF-8 (zhclaims skips
  such a line). JSON on which Python's parser and zhclaims' disagree (duplicate keys, say) may be
  read differently.

Exit status, like zhclaims: 0 when every input was read; 1 when some file or record was skipped
(each one is reported on stderr); 2 for a bad option or a failed job. docs/SPARK.md describes
running it on a cluster.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
import time
from typing import Iterable, Iterator

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
BINARY_NAME_IN_JOB = "zhclaims"
MAX_REPORTED_PROBLEMS = 1000


# -- decoding and documents (these run on the executors) ------------------------------------------

def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _private_use(text: str) -> int:
    return sum(1 for c in text if 0xE000 <= ord(c) <= 0xF8FF)


def _mostly_utf8(data: bytes) -> bool:
    """True when at least 99% of the non-ASCII bytes form valid UTF-8 sequences (as zhclaims)."""
    good = bad = i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        length = 4 if b >= 0xF0 else 3 if b >= 0xE0 else 2 if b >= 0xC2 else 0
        if length and i + length <= n and all(data[i + k] & 0xC0 == 0x80 for k in range(1, length)):
            good += length
            i += length
        else:
            bad += 1
            i += 1
    return bad * 100 <= good


def decode_bytes(data: bytes, forced: str | None = None) -> tuple[str, str]:
    """The text of a file and the charset used, with the BOM removed (see the module docstring)."""
    if forced:
        text = data.decode(forced, errors="replace")
        return (text[1:] if text.startswith("\ufeff") else text), forced
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace"), "UTF-16LE"
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace"), "UTF-16BE"
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "UTF-8"
    gb, big5 = _strict(data, "gb18030"), _strict(data, "cp950")
    if gb is not None and big5 is not None:
        return (big5, "Big5") if _private_use(gb) > _private_use(big5) else (gb, "GB18030")
    if gb is not None:
        return gb, "GB18030"
    if big5 is not None:
        return big5, "Big5"
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "UTF-8"
    return data.decode("gb18030", errors="replace"), "GB18030"


def record_line(doc_id: str, text: str, fmt: str | None = None) -> str:
    """One `{"id","text"}` line for `zhclaims extract --stdin` (which drops a leading BOM of `text`);
    `fmt="html"` marks the text as markup."""
    record = {"id": doc_id, "text": text, **({"format": fmt} if fmt else {})}
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (from \\udXXX escapes): keep them escaped
        line = json.dumps(record, ensure_ascii=True)
    return line


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, forced: str | None = None) -> str:
    """An HTML page's markup as text: valid UTF-8, else its declared charset, else decode_bytes."""
    if not forced and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data[3:] if data.startswith(b"\xef\xbb\xbf") else data, "utf-8")
        if text is not None:
            return text
        m = _META_CHARSET.search(data[:4096])
        if m:
            label = m.group(1).decode("ascii").lower()
            label = {"gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030"}.get(label, label)
            try:
                return data.decode(label)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data, forced)[0]


def _reject_constant(name: str):
    raise ValueError(f"invalid JSON value {name}")


def parse_record(line: str, fallback_id: str, id_field: str, text_field: str) -> tuple[str | None, str]:
    """(record line for zhclaims, "") for one dump line, (None, reason) to skip it, or (None, "")
    for a blank line. Numbers keep their text as written, as zhclaims keeps an id like 1.50."""
    if not line.strip(" \t\r"):
        return None, ""
    try:
        value = json.loads(line, parse_int=str, parse_float=str, parse_constant=_reject_constant)
    except ValueError as e:
        return None, f"invalid JSON: {e}"
    if not isinstance(value, dict):
        return None, f'expected an object {{"{id_field}": …, "{text_field}": …}}'
    text = value.get(text_field)
    if not isinstance(text, str):
        return None, f'no string field "{text_field}"'
    doc_id = value.get(id_field)
    if doc_id is None:
        doc_id = fallback_id
    elif not isinstance(doc_id, str):  # numbers arrive as their text; true/false, arrays, objects don't
        return None, f'field "{id_field}" must be a string or number'
    return record_line(doc_id, text), ""


def sort_key(relpath: str) -> tuple[str, ...]:
    """zhclaims sorts each folder level by UTF-8 bytes (the same as by code points), so paths compare
    component by component: `a/b.txt` comes before `a.txt`, as in a local run."""
    return tuple(relpath.split("/"))


def file_documents(uri: str, data: bytes, root: str | None, given: str, opts: dict,
                   problems) -> Iterator[tuple[tuple, str]]:
    """((path components, line), record line) for one file of an input: one document, or one per
    line of a dump. Files named `.something` (and files in such folders) are skipped, as by zhclaims."""
    if root is None:
        relpath = doc_id = shown = given
    else:
        relpath = doc_id = uri[len(root):].lstrip("/") if uri.startswith(root) else uri
        shown = (given if given.endswith("/") else given + "/") + relpath  # the path zhclaims would use
    if root is not None and any(part.startswith(".") for part in relpath.split("/")):
        return
    key = sort_key(relpath)
    if relpath.endswith(JSONL_SUFFIXES):
        for number, raw in enumerate(data.split(b"\n"), start=1):  # blank pieces are skipped below
            raw = raw[:-1] if raw.endswith(b"\r") else raw
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                problems.add({f"{shown}:{number}: line is not valid UTF-8"})
                continue
            record, reason = parse_record(line, f"{shown}:{number}", opts["id_field"], opts["text_field"])
            if record is not None:
                yield (key, number), record
            elif reason:
                problems.add({f"{shown}:{number}: {reason}"})
        return
    if relpath.lower().endswith(HTML_SUFFIXES):
        # zhclaims extracts the page's text from a record marked "format": "html".
        yield (key, 0), record_line(doc_id, decode_html(data, opts["encoding"]), fmt="html")
        return
    if len(data) > opts["max_size"]:
        problems.add({f"{shown}: file is {len(data)} bytes, over the limit of {opts['max_size']} (--max-size)"})
        return
    if not opts["encoding"] and b"\x00" in data[:8192]:
        problems.add({f"{shown}: binary file (NUL byte), skipped"})
        return
    text, _charset = decode_bytes(data, opts["encoding"])
    if text.startswith("\ufeff"):
        # Decoding already removed the file's BOM, and zhclaims --stdin drops one more from a
        # record's text. So a second BOM gets doubled here, and the document text stays that of a
        # local run.
        text = "\ufeff" + text
    yield (key, 0), record_line(doc_id, text)


# -- the job (runs on the driver) -----------------------------------------------------------------

class ProblemSetParam:
    """An accumulator of the distinct problem messages (a pyspark AccumulatorParam by its methods).
    It is a set, so a task that runs again adds nothing new. It keeps at most
    MAX_REPORTED_PROBLEMS messages."""

    def zero(self, value: set) -> set:
        return set()

    def addInPlace(self, a: set, b: set) -> set:
        a |= b
        return a if len(a) <= MAX_REPORTED_PROBLEMS else set(sorted(a)[:MAX_REPORTED_PROBLEMS])


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="zhclaims_spark.py",
        usage="spark-submit zhclaims_spark.py [options] INPUT [INPUT ...] OUTPUT",
        description="Extract numeric claims from Chinese news with zhclaims on Spark (RDD.pipe).",
        epilog="See docs/SPARK.md for running on a cluster.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="INPUTs: folders, .jsonl/.ndjson dumps (globs allowed) or files; then OUTPUT: "
                        "a folder of part files, or with --coalesce one file")
    p.add_argument("--binary", default=os.environ.get("ZHCLAIMS_BIN", "zhclaims"),
                   help="the zhclaims executable to ship (default: $ZHCLAIMS_BIN, else zhclaims on PATH)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra rule folder to ship and pass to zhclaims (repeatable; distinct folder names)")
    p.add_argument("--no-builtin-rules", action="store_true", help="use only the --rules folders")
    p.add_argument("--context", action="store_true", help="add the sentence to every record")
    p.add_argument("--encoding", help="decode folder files with this Python codec instead of guessing")
    p.add_argument("--max-size", type=int, default=256 << 20, help="largest file read, in bytes (default 256 MiB)")
    p.add_argument("--id-field", default="id", help="id field of dump records (default id)")
    p.add_argument("--text-field", default="text", help="text field of dump records (default text)")
    p.add_argument("--partitions", type=int, help="number of zhclaims processes (default: Spark's default parallelism)")
    p.add_argument("--coalesce", action="store_true", help="write OUTPUT as one JSON Lines file, not a folder of parts")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    p.add_argument("--lib-path", help="LD_LIBRARY_PATH for zhclaims on the executors (e.g. shipped ICU/PCRE2 libraries)")
    p.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    args = p.parse_args(argv)
    if len(args.paths) < 2:
        p.error("give at least one INPUT and the OUTPUT")
    args.inputs, args.output = args.paths[:-1], args.paths[-1]
    if args.no_builtin_rules and not args.rules:
        p.error("--no-builtin-rules needs at least one --rules folder")
    names = [os.path.basename(os.path.normpath(d)) for d in args.rules]
    if len(set(names)) != len(names) or BINARY_NAME_IN_JOB in names:
        p.error("--rules folders must have distinct names (they are shipped by name)")
    return args


def resolve_binary(binary: str) -> str:
    import shutil
    found = binary if os.sep in binary else shutil.which(binary)
    if not found or not os.path.isfile(found) or not os.access(found, os.X_OK):
        raise SystemExit(f"zhclaims-spark: no executable zhclaims at {binary!r} (use --binary)")
    return os.path.abspath(found)


def pipe_command(driver_root: str, args: argparse.Namespace) -> str:
    """The command RDD.pipe runs in every partition.

    Spark downloads files from addFile into SparkFiles' root folder. On the driver, and so on the
    executors in local mode, this is a temporary folder (`driver_root`). On cluster executors
    (YARN, standalone, Kubernetes) it is the executor's working folder, which is also the pipe
    process's working folder. The command must be fixed on the driver, so a small sh wrapper
    changes to `driver_root` when that folder exists and otherwise stays in the working folder.
    It then runs the shipped binary with the shipped rule folders by their names.
    """
    zhclaims = [f"./{BINARY_NAME_IN_JOB}", "extract", "--stdin", "--jobs", "1"]
    for d in args.rules:
        zhclaims += ["--rules", "./" + os.path.basename(os.path.normpath(d))]
    if args.no_builtin_rules:
        zhclaims.append("--no-builtin-rules")
    if args.context:
        zhclaims.append("--context")
    script = 'if [ -x "$1/' + BINARY_NAME_IN_JOB + '" ]; then cd "$1" || exit 2; fi; shift; exec "$@"'
    return shlex.join(["/bin/sh", "-c", script, "zhclaims-spark", driver_root, *zhclaims])


def ship(sc, binary: str, rules: list[str], staging: str) -> None:
    """Adds the binary (under the name `zhclaims`, copied into `staging` if it has another name)
    and the rule folders to the job's files."""
    import shutil
    for d in rules:
        if not os.path.isdir(d):
            raise SystemExit(f"zhclaims-spark: --rules {d}: not a folder")
    if os.path.basename(binary) != BINARY_NAME_IN_JOB:
        copy = os.path.join(staging, BINARY_NAME_IN_JOB)
        shutil.copy2(binary, copy)
        binary = copy
    sc.addFile(binary)
    for d in rules:
        sc.addFile(os.path.abspath(d), recursive=True)


def hadoop_fs(sc, path: str):
    jvm = sc._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(sc._jsc.hadoopConfiguration()), hpath


def input_documents(sc, index: int, given: str, args, problems, partitions: int):
    """An RDD of (order key, record line) for one INPUT, in zhclaims' order within it."""
    from pyspark import StorageLevel
    fs, hpath = hadoop_fs(sc, given)
    opts = {"id_field": args.id_field, "text_field": args.text_field,
            "encoding": args.encoding, "max_size": args.max_size}
    is_dir = fs.exists(hpath) and fs.getFileStatus(hpath).isDirectory()
    if not is_dir and given.endswith(JSONL_SUFFIXES):
        # A dump, split by blocks; line numbers (for ids of records without one) from zipWithIndex.
        id_field, text_field = args.id_field, args.text_field

        def records(pair):
            line, i = pair
            record, reason = parse_record(line, f"{given}:{i + 1}", id_field, text_field)
            if record is not None:
                yield (index, i), record
            elif reason:
                problems.add({f"{given}:{i + 1}: {reason}"})

        return sc.textFile(given, minPartitions=partitions).zipWithIndex().flatMap(records)
    if not is_dir and not fs.exists(hpath):
        raise SystemExit(f"zhclaims-spark: {given}: no such file or folder")
    root = fs.makeQualified(hpath).toString().rstrip("/") + "/" if is_dir else None

    def documents(item):
        uri, data = item
        for key, record in file_documents(uri, data, root, given, opts, problems):
            yield (index, key), record

    docs = sc.binaryFiles(given, minPartitions=partitions).flatMap(documents)
    # sortBy samples its input first: keep the decoded documents instead of reading the files twice.
    docs = docs.persist(StorageLevel.MEMORY_AND_DISK)
    return docs.sortBy(lambda kv: kv[0], numPartitions=partitions)


def merge_parts(sc, parts_dir: str, target: str) -> None:
    """Concatenates the part files of `parts_dir` in partition order into the file `target`, then
    removes `parts_dir`. The bytes are copied inside the JVM, on any Hadoop file system. This is not
    `coalesce(1)`: that would be a single task, and it may put partitions out of order."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    src_fs, src = hadoop_fs(sc, parts_dir)
    parts = [st.getPath() for st in src_fs.listStatus(src) if st.getPath().getName().startswith("part-")]
    parts.sort(key=lambda path: int(path.getName().split("-")[1].split(".")[0]))
    dest_fs, dest = hadoop_fs(sc, target)
    dest_fs.setWriteChecksum(False)  # no .crc file beside the output on a local file system
    out = dest_fs.create(dest, False)
    try:
        for path in parts:
            stream = src_fs.open(path)
            try:
                jvm.org.apache.hadoop.io.IOUtils.copyBytes(stream, out, conf, False)
            finally:
                stream.close()
    finally:
        out.close()
    src_fs.delete(src, True)


def run(args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

    binary = resolve_binary(args.binary)
    staging = tempfile.mkdtemp(prefix="zhclaims-spark-")
    conf = SparkConf().setAppName("zhclaims")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    started = time.monotonic()
    try:
        # Folder inputs are listed recursively, as zhclaims reads them.
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        fs, out = hadoop_fs(sc, args.output)
        if fs.exists(out):
            if not args.overwrite:
                raise SystemExit(f"zhclaims-spark: {args.output} exists (use --overwrite)")
            fs.delete(out, True)

        ship(sc, binary, args.rules, staging)
        command = pipe_command(SparkFiles.getRootDirectory(), args)
        env = {"PATH": "/usr/bin:/bin"}
        if args.lib_path:
            env["LD_LIBRARY_PATH"] = args.lib_path

        partitions = args.partitions or sc.defaultParallelism
        problems = sc.accumulator(set(), ProblemSetParam())
        per_input = [input_documents(sc, i, given, args, problems, partitions)
                     for i, given in enumerate(args.inputs)]
        docs = per_input[0] if len(per_input) == 1 else sc.union(per_input)
        # Each partition: its documents in order through one zhclaims process; claims come out in
        # the same order. checkCode: a zhclaims failure (missing libraries, a bad rule file) fails
        # the task instead of silently losing its claims.
        claims = docs.map(lambda kv: kv[1]).pipe(command, env=env, checkCode=True)
        claims = claims.persist(StorageLevel.MEMORY_AND_DISK)
        count = claims.count()
        if args.coalesce:
            tmp = args.output.rstrip("/") + ".parts-tmp"
            tmp_fs, tmp_path = hadoop_fs(sc, tmp)
            if tmp_fs.exists(tmp_path):
                tmp_fs.delete(tmp_path, True)
            claims.saveAsTextFile(tmp)
            merge_parts(sc, tmp, args.output)
        else:
            claims.saveAsTextFile(args.output)
        skipped = sorted(problems.value)
    finally:
        sc.stop()
        shutil.rmtree(staging, ignore_errors=True)
    for message in skipped:
        print(f"zhclaims-spark: {message}", file=sys.stderr)
    print(f"zhclaims-spark: {count} claims from {', '.join(args.inputs)} → {args.output} "
          f"in {time.monotonic() - started:.1f} s" + (f"; {len(skipped)} input(s) skipped" if skipped else ""),
          file=sys.stderr)
    return 1 if skipped else 0


def main(argv: Iterable[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        return run(args)
    except SystemExit as e:
        if isinstance(e.code, str):
            print(e.code, file=sys.stderr)
            return 2
        raise
    except Exception as e:  # a failed Spark job: the cause is in the executor logs above
        print(f"zhclaims-spark: job failed: {e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
