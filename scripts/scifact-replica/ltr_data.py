"""Session 6 shared data: per claim, evidence's 100 candidates with their score and per-stem statistics
(stems of the claim, which candidates hold each stem in title / abstract / best sentence, bm25 term
parts), cached in $SCIFACT_WORK/ltr.pkl. Used by trial_necessity.py, trial_lambdarank.py, trial_translation.py."""
from feat import *
import re, pickle, numpy as np

SENT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9(\[])')
K1, B = 1.2, 0.75

def qstems_with_words(text):
    """Unique content stems of a claim, in order, with the surface word that produced each."""
    seen = {}; out = []
    for w in WORD.findall(text):
        f = fold(w)
        if f.isdigit() or len(f) <= 1 or f in STOP: continue
        s = stem(f)
        if s in seen: continue
        seen[s] = 1; out.append((s, w))
    return out

def build():
    tstems = {k: set(stem(w) for w in toks(v[0])) for k, v in docs.items()}
    sents = {}
    for k, v in docs.items():
        ss = [v[0]] + [x for x in SENT.split(v[1]) if x.strip()]
        sents[k] = [set(stem(w) for w in toks(x)) for x in ss]
    tf = {k: collections.Counter(v) for k, v in dtok.items()}
    dlen = {k: len(v) for k, v in dtok.items()}
    avgdl = sum(dlen.values()) / len(dlen)
    tdf = collections.Counter()
    for v in tstems.values(): tdf.update(v)
    data = {}
    for cl in claims:
        cands = swift.get(cl['id'], [])
        q = qstems_with_words(cl['claim'])
        stems_ = [s for s, _ in q]
        ds = [d for d, _ in cands]
        rec = np.array([[1.0 if s in tf[d] else 0.0 for s in stems_] for d in ds]).reshape(len(ds), len(stems_))
        tit = np.array([[1.0 if s in tstems[d] else 0.0 for s in stems_] for d in ds]).reshape(len(ds), len(stems_))
        # bm25 term parts (idf × saturated tf), as FTS5 over one column
        bm = np.array([[idf(s) * tf[d][s] * (K1 + 1) / (tf[d][s] + K1 * (1 - B + B * dlen[d] / avgdl)) for s in stems_] for d in ds]).reshape(len(ds), len(stems_))
        # sentence-level presence matrices (list per doc: sentences × stems)
        sm = [np.array([[1.0 if s in st else 0.0 for s in stems_] for st in sents[d]]).reshape(len(sents[d]), len(stems_)) for d in ds]
        bigr = []
        for d in ds:
            toks_ = dtok[d]; bg = set(zip(toks_, toks_[1:]))
            bigr.append([1.0 if (a, b) in bg else 0.0 for a, b in zip(stems_, stems_[1:])])
        data[cl['id']] = dict(q=q, ds=ds, base=np.array([s for _, s in cands]), rec=rec, tit=tit, bm=bm, sm=sm, bigr=bigr,
                              rel=set(cl['cited_doc_ids']), claim=cl['claim'])
    return data, tdf

def cached(name, build):
    """build()'s result, kept in $SCIFACT_WORK/name and read back from there on later runs."""
    path = WORK + '/' + name
    if os.path.exists(path):
        return pickle.load(open(path, 'rb'))
    value = build()
    pickle.dump(value, open(path, 'wb'))
    return value

DATA, TDF = cached('ltr.pkl', build)

def ndcg_of_scores(cid, sc):
    d = DATA[cid]
    order = sorted(range(len(d['ds'])), key=lambda i: (-sc[i], int(d['ds'][i])))
    return ndcg10([d['ds'][i] for i in order], d['rel'])

def evaluate_scores(scores, ids=None):
    """scores: {claim id: array over its candidates} -> (even, odd, all) mean nDCG@10 and per-claim dict."""
    per = {}
    for cl in claims:
        cid = cl['id']
        per[cid] = ndcg_of_scores(cid, scores[cid]) if len(DATA[cid]['ds']) else 0.0
    ev = np.mean([per[c['id']] for c in EVEN]); od = np.mean([per[c['id']] for c in ODD])
    return ev, od, np.mean(list(per.values())), per

def bootstrap(per_a, per_b, n=10000, seed=1):
    ids = sorted(per_a)
    diff = np.array([per_a[i] - per_b[i] for i in ids])
    rng = np.random.default_rng(seed)
    means = [diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(n)]
    return diff.mean(), np.percentile(means, 2.5), np.percentile(means, 97.5)

def minmax(x):
    x = np.asarray(x, float)
    if len(x) == 0: return x
    lo, hi = x.min(), x.max()
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)
