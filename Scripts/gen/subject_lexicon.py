"""Derive SubjectLexiconData.swift from jieba 0.42.1 dict.txt (MIT)."""
import sys, collections
import os
DICT = os.environ.get('JIEBA_DICT', 'dict.txt')  # jieba 0.42.1's jieba/dict.txt (see subject_lexicon.sh)
words = {}
for l in open(DICT, encoding='utf-8'):
    w, f, p = l.split(); words[w] = (int(f), p)

def cls(p):
    if p in ('v', 'vd', 'vi', 'vg', 'vq'): return 'verb'
    if p in ('d', 'ad', 'df', 'dg'): return 'adverb'
    if p == 'p': return 'preposition'
    if p == 'c': return 'conjunction'
    if p.startswith('u'): return 'particle'
    if p == 'f': return None   # jieba's locality words are mostly nouns of place (沿线, 周边)
    if p.startswith('r'): return 'pronoun'
    # jieba's time (t), numeral (m) and classifier (q) tags are too noisy to use (青年 t,
    # 零部件 mq); SubjectLexicon lists those words by hand.
    return None

import unicodedata
def han(w): return all('\u4e00' <= ch <= '\u9fff' for ch in w)

FUNC_MIN = 100
NOUN_MIN = int(sys.argv[3]) if len(sys.argv) > 3 else 100
func = {}
for w, (f, p) in words.items():
    c = cls(p)
    if c and 2 <= len(w) <= 4 and f >= FUNC_MIN and han(w):
        func[w] = c
singles = set(sys.argv[1]) if len(sys.argv) > 1 else set()
prot = set()
for w, (f, p) in words.items():
    if cls(p) or not han(w) or f < NOUN_MIN or len(w) > 5 or len(w) < 2: continue
    hit = any(w[i:j] in func for i in range(len(w)) for j in range(i + 2, len(w) + 1) if j - i < len(w))
    hit = hit or (len(w) <= 3 and any(ch in singles for ch in w))
    if hit: prot.add(w)
by = collections.defaultdict(list)
for w, c in func.items(): by[c].append(w)
by['noun'] = list(prot)
out = []
out.append('// Generated from the dictionary of jieba 0.42.1 (MIT licence, https://github.com/fxsjy/jieba):')
out.append('// every word of 2-4 Han characters with frequency >= %d whose tag is a verb (v, vd, vi, vg, vq),' % FUNC_MIN)
out.append('// adverb (d, ad, df, dg), preposition (p), conjunction (c), particle (u*) or pronoun (r*); and,')
out.append('// as "noun", every other word of 2-5 Han characters with frequency >= %d that contains one of' % NOUN_MIN)
out.append('// those words or one of the single-character words of SubjectLexicon (its single* lists,')
out.append('// bridges and localities), so that longest match keeps such nouns whole (增长率, 手续费).')
out.append("// jieba's time, numeral, classifier and locality tags are not used (too noisy: 青年 t).")
out.append('// Do not edit by hand; regenerate with the same selection.')
out.append('')
out.append('/// Word classes from a tagged dictionary, as space-separated lists (see the header for the selection).')
out.append('enum SubjectLexiconData {')
for c in ['verb','adverb','preposition','conjunction','particle','pronoun','noun']:
    ws = sorted(by[c])
    out.append('    static let %s = """' % c)
    line = ''
    for w in ws:
        if len(line) + len(w) + 1 > 60:
            out.append('        ' + line.rstrip()); line = ''
        line += w + ' '
    if line: out.append('        ' + line.rstrip())
    out.append('        """')
out.append('}')
open(sys.argv[2] if len(sys.argv) > 2 else '/tmp/lexgen/SubjectLexiconData.swift', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print({c: len(v) for c, v in by.items()})
