"""Session 7, variants of the similarity evidence (cached in $SCIFACT_WORK/s7feat4.pkl), all with stem vectors
over every stem and IDF from the claim's candidates: the claim's own cosine to the record in that space,
the largest cosine to the best 3 / 5, the mean cosine to the best 5 and 10, neighbours among the best 10,
and the same similarities computed over the titles alone."""
from ltr_data import *
import pickle

def vecs(bags, n):
    dfl = collections.Counter(); [dfl.update(t.keys()) for t in bags]
    idfl = lambda s: math.log((n + 1) / (dfl[s] + 0.5))
    V = []
    for tf in bags:
        v = {s: (1 + math.log(c)) * idfl(s) for s, c in tf.items()}
        nrm = math.sqrt(sum(w * w for w in v.values())) or 1
        V.append({s: w / nrm for s, w in v.items()})
    return V, idfl

def cos(a, b): return sum(w * b.get(s, 0) for s, w in a.items())

def build():
    out = {}
    for cl in claims:
        cid = cl['id']; d = DATA[cid]; ds = d['ds']; n = len(ds)
        if not n: out[cid] = {}; continue
        V, idfl = vecs([collections.Counter(dtok[x]) for x in ds], n)
        qv = {s: idfl(s) for s, _ in d['q']}; qn = math.sqrt(sum(w * w for w in qv.values())) or 1
        qv = {s: w / qn for s, w in qv.items()}
        T, _ = vecs([collections.Counter(stem(w) for w in toks(docs[x][0])) for x in ds], n)
        top20 = list(range(min(20, n)))
        F = collections.defaultdict(list)
        for i in range(n):
            others = [j for j in top20 if j != i]
            c = [cos(V[i], V[j]) for j in others]; ct = [cos(T[i], T[j]) for j in others]
            F['cos_claim'].append(cos(qv, V[i]))
            F['cos_max3'].append(max(c[:3]) if c else 0); F['cos_max5'].append(max(c[:5]) if c else 0)
            F['cos_top5'].append(np.mean(c[:5]) if c else 0); F['cos_top10'].append(np.mean(c[:10]) if c else 0)
            near = sorted(range(len(others[:10])), key=lambda k: -c[k])[:3]
            F['nbr3_10'].append(sum(c[k] * d['base'][others[k]] for k in near))
            F['tcos_top1'].append(ct[0] if ct else 0); F['tcos_top3'].append(np.mean(ct[:3]) if ct else 0)
        out[cid] = {k: np.array(v, float) for k, v in F.items()}
    return out

S7D = cached('s7feat4.pkl', build)
