"""Replica of plain FTS5 bm25 on SciFact (title + abstract, porter unicode61), with the metrics of `evidence eval`."""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get('SCIFACT_WORK', '/tmp/sfpy')
SCIFACT = os.environ.get('SCIFACT_DIR', os.path.join(HERE, '../../../shared/eval/scifact'))
import json, re, math, sqlite3, unicodedata, collections, sys
from nltk.stem import PorterStemmer
PS = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)
_sc = {}
def stem(w):
    s = _sc.get(w)
    if s is None:
        s = w if w.isdigit() else PS.stem(w); _sc[w] = s
    return s
def fold(w):
    if w.isascii(): return w.lower()
    w = unicodedata.normalize('NFKD', w.lower())
    return ''.join(c for c in w if not unicodedata.combining(c)).replace('ß','ss')
WORD = re.compile(r'[^\W_]+')
def toks(text): return [fold(w) for w in WORD.findall(text)]
STOP = set("""a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself nor of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves s t may might must shall often usually many much around within among like via per whether either however although though thus therefore s don doesn didn one new use used using make makes made get gets well even still since yet lot way ways thing things something someone""".split())
def content(text):
    seen=set(); out=[]
    for w in toks(text):
        if w.isdigit() or len(w)<=1 or w in STOP: continue
        s=stem(w)
        if s in seen: continue
        seen.add(s); out.append(w)
    return out
docs = json.load(open(WORK + '/docs.json'))
claims = [json.loads(l) for l in open(SCIFACT + '/claims_train.jsonl')]
def build_fts():
    c = sqlite3.connect(':memory:')
    c.execute("create virtual table t using fts5(title, abstract, tokenize='porter unicode61 remove_diacritics 2')")
    c.executemany("insert into t(rowid,title,abstract) values(?,?,?)", [(int(k), v[0], v[1]) for k,v in docs.items()])
    return c
def fts_quote(w): return '"' + w.replace('"','""') + '"'
def bm25(c, words, limit=100):
    seen=set(); ws=[]
    for w in words:
        if w not in seen: seen.add(w); ws.append(w)
    if not ws: return []
    expr = '{title abstract} : (' + ' OR '.join(fts_quote(w) for w in ws) + ')'
    return [(str(r), -s) for r,s in c.execute("select rowid, bm25(t,1,1) s from t where t match ? order by s limit ?", (expr, limit))]
def ndcg10(ranked, rel):
    dcg = sum(1/math.log2(i+2) for i,d in enumerate(ranked[:10]) if d in rel)
    ideal = sum(1/math.log2(i+2) for i in range(min(len(rel),10)))
    return dcg/ideal if ideal else 0
def recall(ranked, rel, k): return len(set(ranked[:k]) & rel)/len(rel) if rel else 0
def evaluate(rankings, subset):
    n = len(subset)
    return (sum(ndcg10(rankings.get(c['id'],[]), set(c['cited_doc_ids'])) for c in subset)/n,
            sum(recall(rankings.get(c['id'],[]), set(c['cited_doc_ids']),10) for c in subset)/n,
            sum(recall(rankings.get(c['id'],[]), set(c['cited_doc_ids']),100) for c in subset)/n)
EVEN = [c for c in claims if c['id']%2==0]; ODD=[c for c in claims if c['id']%2==1]
