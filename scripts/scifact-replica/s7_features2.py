"""Session 7, second batch of reranker evidence (cached in $SCIFACT_WORK/s7feat2.pkl): similarity to the
top linear candidates (pseudo-relevance / cluster hypothesis), and precision of the title and the best
sentence (share of their content stems that are the claim's)."""
from ltr_data import *
import pickle

def build():
    out = {}
    for cl in claims:
        cid = cl['id']; d = DATA[cid]; ds = d['ds']; n = len(ds)
        if not n: out[cid] = {}; continue
        qs = set(s for s, _ in d['q'])
        V = []
        for x in ds:
            tf = collections.Counter(s for s in dtok[x] if s not in STOP and not s.isdigit())
            v = {s: (1 + math.log(c)) * idf(s) for s, c in tf.items()}
            nrm = math.sqrt(sum(w * w for w in v.values())) or 1
            V.append({s: w / nrm for s, w in v.items()})
        def cos(a, b): return sum(w * b.get(s, 0) for s, w in a.items())
        order = np.argsort(-d['base'], kind='stable'); top20 = list(order[:20])
        C = np.array([[cos(V[i], V[j]) for j in top20] for i in range(n)])
        F = collections.defaultdict(list)
        for i in range(n):
            others = [k for k, j in enumerate(top20) if j != i]
            F['cos_top1'].append(C[i, others[0]])
            F['cos_top3'].append(np.mean(C[i, others[:3]]))
            near = sorted(others, key=lambda k: -C[i, k])[:3]
            F['nbr3'].append(sum(C[i, k] * d['base'][top20[k]] for k in near))
            title = [stem(w) for w in toks(docs[ds[i]][0]) if w not in STOP and not w.isdigit() and len(w) > 1]
            F['tit_prec'].append(len([s for s in title if s in qs]) / len(title) if title else 0)
            F['tit_prec_idf'].append(sum(idf(s) for s in title if s in qs) / (sum(idf(s) for s in title) or 1))
            F['tit_len'].append(len(title))
        out[cid] = {k: np.array(v, float) for k, v in F.items()}
    return out

S7B = cached('s7feat2.pkl', build)
