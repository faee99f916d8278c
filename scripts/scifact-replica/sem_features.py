"""Session 8: word-similarity features of each (claim, candidate) from the word vectors of sem_vectors.py,
cached in $SCIFACT_WORK/sem_feat_<vectors>.pkl ({claim id: {feature: array over its candidates}}).

Soft match of a claim stem s in a text: 1 if the text holds s, else the largest cosine between s and a
stem of the text, kept only when at least a threshold t (0 below; t = 0.4 and 0.6). Weighted by the
stem's IDF (SciFact corpus, as the other coverages) over the claim's total IDF:
  soft_rec_t / soft_sent_t / soft_tit_t  soft coverage by the record / its best sentence / its title
  soft_gain_t                            soft coverage of the stems missing from the record alone (over the total)
  soft_missfrac_t                        the same over the missing stems' IDF (0 when none is missing)
Centroids (Σ IDF × unit vector, the text's stems counted with their frequency):
  cent_rec / cent_sent / cent_tit        cosine of the claim's centroid to the record's / best sentence's / title's
Stems without a vector only match exactly.

    SCIFACT_WORK=/tmp/sfw8s python3 scripts/scifact-replica/sem_features.py sf sf_bg"""
import sys, os, time, pickle, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ltr_data import DATA, SENT, idf, docs, claims, WORK, np
from sem_vectors import vectors, content_stems

THRESHOLDS = tuple(float(x) for x in os.environ.get('SEM_T', '0.4,0.6').split(','))   # SEM_T overrides (session 9)

def doc_views(ix):
    """Per record: its unique stems with a vector (vocabulary rows), its content stem set, and per text unit
    (title, each abstract sentence) the unit's stem set and its IDF-weighted stem counts."""
    out = {}
    for k, (title, abstract) in docs.items():
        units = [title] + [x for x in SENT.split(abstract) if x.strip()]
        ustems = [content_stems(u) for u in units]
        allset = set(s for u in ustems for s in u)
        rows = sorted(set(ix[s] for s in allset if s in ix))
        out[k] = (allset, np.array(rows, dtype=np.int64), [(set(u), collections.Counter(u)) for u in ustems])
    return out

def centroid(counter, W, ix):
    v = np.zeros(W.shape[1], np.float32)
    for s, c in counter.items():
        if s in ix: v += c * idf(s) * W[ix[s]]
    n = np.linalg.norm(v)
    return v / n if n > 0 else v

def build(name):
    vocab, W, _ = vectors(name); ix = {w: i for i, w in enumerate(vocab)}
    t0 = time.time(); views = doc_views(ix)
    cents = {}
    for k, (allset, rows, units) in views.items():
        tot = collections.Counter()
        for _, c in units: tot.update(c)
        cents[k] = (centroid(tot, W, ix), np.array([centroid(c, W, ix) for _, c in units]))
    out = {}
    for cl in claims:
        cid = cl['id']; d = DATA[cid]; ds = d['ds']
        if not len(ds): out[cid] = {}; continue
        q = [s for s, _ in d['q']]; w = np.array([idf(s) for s in q]); T = w.sum() or 1.0
        qv = np.array([W[ix[s]] if s in ix else np.zeros(W.shape[1], np.float32) for s in q]).reshape(len(q), W.shape[1])
        qc = (w[:, None] * qv).sum(0) if len(q) else np.zeros(W.shape[1]); qc = qc / (np.linalg.norm(qc) or 1)
        F = collections.defaultdict(list)
        for x in ds:
            allset, rows, units = views[x]
            S = qv @ W[rows].T if len(rows) else np.zeros((len(q), 0))       # claim stems × record stems
            col = {vocab[r]: j for j, r in enumerate(rows)}
            exact_rec = np.array([1.0 if s in allset else 0.0 for s in q])
            def soft(stemset, t):
                cols = [col[s] for s in stemset if s in col]
                best = S[:, cols].max(1) if cols and len(q) else np.zeros(len(q))
                best = np.where(best >= t, best, 0.0)
                ex = np.array([1.0 if s in stemset else 0.0 for s in q])
                return np.maximum(ex, best)
            for t in THRESHOLDS:
                m_rec = soft(allset, t)
                F[f'soft_rec_{t}'].append(m_rec @ w / T)
                F[f'soft_sent_{t}'].append(max((soft(u, t) @ w / T) for u, _ in units[1:]) if len(units) > 1 else 0.0)
                F[f'soft_tit_{t}'].append(soft(units[0][0], t) @ w / T)
                miss = 1 - exact_rec
                F[f'soft_gain_{t}'].append((m_rec * miss) @ w / T)
                mw = (miss * w).sum()
                F[f'soft_missfrac_{t}'].append((m_rec * miss) @ w / mw if mw > 0 else 0.0)
            rc, uc = cents[x]
            F['cent_rec'].append(float(rc @ qc))
            F['cent_tit'].append(float(uc[0] @ qc))
            F['cent_sent'].append(float((uc[1:] @ qc).max()) if len(uc) > 1 else 0.0)
        out[cid] = {k: np.array(v, float) for k, v in F.items()}
    print(name, 'features in', round(time.time() - t0, 1), 's', flush=True)
    return out

def features(name):
    path = f'{WORK}/sem_feat_{name}.pkl'
    if os.path.exists(path): return pickle.load(open(path, 'rb'))
    v = build(name); pickle.dump(v, open(path, 'wb')); return v

if __name__ == '__main__':
    for nm in sys.argv[1:] or ['sf', 'sf_bg']:
        features(nm)
