"""Session 7, similarity to the top linear candidates as evidence could compute it without corpus statistics:
stem vectors (log tf) weighted by an IDF taken from the claim's own candidates (log((n + 1) / (df + 0.5)))
instead of the corpus, with and without the stop list (cached in $SCIFACT_WORK/s7feat3.pkl)."""
from ltr_data import *
import pickle

def sims(d, vectors):
    n = len(d['ds']); order = np.argsort(-d['base'], kind='stable'); top20 = list(order[:20])
    def cos(a, b): return sum(w * b.get(s, 0) for s, w in a.items())
    C = np.array([[cos(vectors[i], vectors[j]) for j in top20] for i in range(n)])
    F = collections.defaultdict(list)
    for i in range(n):
        others = [k for k, j in enumerate(top20) if j != i]
        F['cos_top1'].append(C[i, others[0]]); F['cos_top3'].append(np.mean(C[i, others[:3]]))
        near = sorted(others, key=lambda k: -C[i, k])[:3]
        F['nbr3'].append(sum(C[i, k] * d['base'][top20[k]] for k in near))
    return F

def build():
    out = {}
    for cl in claims:
        cid = cl['id']; d = DATA[cid]; ds = d['ds']; n = len(ds)
        if not n: out[cid] = {}; continue
        res = {}
        for tag, keep in (('L', lambda s: s not in STOP and not s.isdigit()), ('A', lambda s: True)):
            tfs = [collections.Counter(s for s in dtok[x] if keep(s)) for x in ds]
            dfl = collections.Counter(); [dfl.update(t.keys()) for t in tfs]
            V = []
            for tf in tfs:
                v = {s: (1 + math.log(c)) * math.log((n + 1) / (dfl[s] + 0.5)) for s, c in tf.items()}
                nrm = math.sqrt(sum(w * w for w in v.values())) or 1
                V.append({s: w / nrm for s, w in v.items()})
            for k, v in sims(d, V).items(): res[k + tag] = np.array(v, float)
        out[cid] = res
    return out

S7C = cached('s7feat3.pkl', build)
