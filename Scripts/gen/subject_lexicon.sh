#!/usr/bin/env bash
# Regenerates Sources/ZHClaims/Context/SubjectLexiconData.swift from jieba 0.42.1's dictionary
# (MIT licence; downloaded from PyPI into a temporary folder, not kept in the repo). The
# single-character words of SubjectLexicon.swift take part in the selection (see the header of the
# generated file).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 -m pip download -q --no-deps --no-binary :all: -d "$tmp" jieba==0.42.1
tar -xzf "$tmp"/jieba-0.42.1.tar.gz -C "$tmp"
SINGLES=$(python3 - <<'PY'
import re
s = open('Sources/ZHClaims/Context/SubjectLexicon.swift').read()
chars = set()
for name in ['singleParticles', 'singlePrepositions', 'singleConjunctions', 'singleAdverbs', 'singleVerbs', 'singlePronouns', 'singleNumerals']:
    m = re.search(r'static let %s = "([^"]*)"' % name, s)
    chars |= {w for w in m.group(1).split() if len(w) == 1}
for name in ['bridges', 'localities']:
    m = re.search(r'static let %s = """(.*?)"""' % name, s, re.S)
    chars |= {w for w in m.group(1).replace('\\', '').split() if len(w) == 1}
print(''.join(sorted(chars)))
PY
)
JIEBA_DICT="$tmp/jieba-0.42.1/jieba/dict.txt" python3 Scripts/gen/subject_lexicon.py "$SINGLES" Sources/ZHClaims/Context/SubjectLexiconData.swift 30
