"""Session 6 trial: a translation model learned from the corpus itself (after Karimzadehgan & Zhai 2010,
mutual-information translation). For each claim stem q, the 20 stems u with the highest document-level
mutual information with q (df(u) >= 3) and t(q|u) = P(q in record | u in record). Translated coverage of
a record: sum over claim stems of idf(q) x (1 if q is in the record, else the best t(q|u) over its u in
the record), over sum idf. Added to evidence's score (weight grid), and as a 20th lambdarank feature."""
from ltr_data import *
import sys

dset = {k: set(v) for k, v in dtok.items()}
post = collections.defaultdict(set)
for k, v in dset.items():
    for s in v: post[s].add(k)
_tr = {}

def related(q, top=20):
    """The stems most informative about q (document co-occurrence MI) with t(q|u)."""
    if q in _tr: return _tr[q]
    dq = post.get(q, set()); nq = len(dq)
    if nq == 0: _tr[q] = {}; return {}
    co = collections.Counter()
    for d in dq: co.update(dset[d])
    out = []
    for u, nqu in co.items():
        nu = len(post[u])
        if u == q or nu < 3: continue
        mi = 0.0
        for a, b, n in ((1, 1, nqu), (1, 0, nq - nqu), (0, 1, nu - nqu), (0, 0, N - nq - nu + nqu)):
            if n <= 0: continue
            pa = nq / N if a else 1 - nq / N; pb = nu / N if b else 1 - nu / N
            mi += n / N * math.log((n / N) / (pa * pb))
        if nqu / nu > nq / N: out.append((mi, u, nqu / nu))
    out.sort(reverse=True)
    _tr[q] = {u: t for _, u, t in out[:top]}
    return _tr[q]

def translated_coverage(cid):
    d = DATA[cid]; q = [s for s, _ in d['q']]
    if not q or not d['ds']: return np.zeros(len(d['ds']))
    ids = np.array([idf(s) for s in q]); T = ids.sum() or 1
    out = []
    for doc in d['ds']:
        ws = dset[doc]; v = 0.0
        for s, w in zip(q, ids):
            if s in ws: v += w
            else:
                r = related(s); v += w * max([t for u, t in r.items() if u in ws] or [0])
        out.append(v / T)
    return np.array(out)

if __name__ == '__main__':
    TC = {c['id']: translated_coverage(c['id']) for c in claims}
    for wt in (0.1, 0.2, 0.4, 0.8):
        e, o, a, _ = evaluate_scores({i: DATA[i]['base'] + wt * TC[i] for i in TC})
        print(f'translated coverage w={wt}: even {e:.4f} odd {o:.4f} all {a:.4f}', flush=True)
    # minus plain record coverage: only the translated part
    for wt in (0.1, 0.2, 0.4):
        e, o, a, _ = evaluate_scores({i: DATA[i]['base'] + wt * (TC[i] - (DATA[i]['rec'] @ np.array([idf(s) for s, _ in DATA[i]['q']]) / (sum(idf(s) for s, _ in DATA[i]['q']) or 1) if DATA[i]['q'] else 0)) for i in TC})
        print(f'translated part only w={wt}: even {e:.4f} odd {o:.4f} all {a:.4f}', flush=True)
    import trial_lambdarank as L
    E = [c['id'] for c in EVEN]; O = [c['id'] for c in ODD]
    for i in L.MAT:
        if L.MAT[i] is not None: L.MAT[i] = (np.column_stack([L.MAT[i][0], TC[i]]), L.MAT[i][1])
    L.FEATS = L.FEATS + ['trans']
    pe = L.predict(L.train(O, L.PARAMS, 200), E); po = L.predict(L.train(E, L.PARAMS, 200), O)
    print(f'lambdarank + translated coverage: even (trained on odd) {L.score(pe, E):.4f} odd (trained on even) {L.score(po, O):.4f}')
