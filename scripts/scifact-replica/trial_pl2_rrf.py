"""Trials: DFR PL2 (c = 1) as a feature, and reciprocal rank fusion of evidence's ranking with query likelihood or PL2."""
from trial_ql_sdm import *
AVGDL = CL / N
def pl2(c=1.0):
    def f(cl, ds):
        q = qstems(cl); out = []
        for d in ds:
            t = collections.Counter(dtok[d]); L = len(dtok[d]); s = 0.0
            for w in q:
                if not t[w]: continue
                tfn = t[w] * math.log2(1 + c * AVGDL / L)
                lam = ctf[w] / N
                s += (tfn * math.log2(tfn / lam) + (lam - tfn) * math.log2(math.e) + 0.5 * math.log2(2 * math.pi * tfn)) / (tfn + 1)
            out.append(s)
        return out
    return f
def rrf(fn, k=60):
    def f(cl, ds):
        x = fn(cl, ds)
        order = sorted(range(len(ds)), key=lambda i: -x[i])
        rank = {i: r for r, i in enumerate(order)}
        # evidence's own rank is the list order; the feature adds the other ranking's reciprocal rank
        return [1 / (k + rank[i] + 1) for i in range(len(ds))]
    return f
if __name__ == '__main__':
    run(pl2(1.0), [0.1, 0.2, 0.4], label='PL2')
    for k in (10, 60):
        # evidence's scores are relative to the top (0..1); RRF terms are ~1/k: weight scaled by k
        run(rrf(ql(2000), k), [k * 0.1, k * 0.3], norm=None, label=f'RRF QL k={k}')
        run(rrf(pl2(1.0), k), [k * 0.1, k * 0.3], norm=None, label=f'RRF PL2 k={k}')
