"""Trial: token variants (Greek letters and their names, IL-6 / IL6 joins, British / American spellings) as a coverage feature."""
from feat import *
GREEK = {'α':'alpha','β':'beta','γ':'gamma','δ':'delta','ε':'epsilon','κ':'kappa','λ':'lambda','μ':'mu','σ':'sigma','τ':'tau','ω':'omega','θ':'theta','ζ':'zeta','η':'eta'}
BRIT = [('our', 'or'), ('ae', 'e'), ('oe', 'e'), ('ise', 'ize'), ('isat', 'izat'), ('yse', 'yze'), ('tre', 'ter')]
def american(w):
    for a, b in BRIT:
        if a in w: w = w.replace(a, b)
    return w
def variants(words):
    """Normalised forms of a token list: Greek letters named, joined letter+digit pairs, American spelling."""
    out = set()
    ws = [GREEK.get(w, w) for w in words]
    for w in ws: out.add(stem(american(w)))
    for a, b in zip(ws, ws[1:]):
        if b.isdigit() or b in GREEK.values() or len(b) == 1:
            out.add(stem(a + b))
    return out
dvar = {k: variants(toks(v[0] + ' . ' + v[1])) for k, v in docs.items()}
dset = {k: set(v) for k, v in dtok.items()}
def feature(cl, ds):
    words = [w for w in toks(cl['claim'])]
    q = [stem(w) for w in content(cl['claim'])]
    qv = variants(words) - set(q)
    w = {s: idf(s) for s in q}; T = sum(w.values()) or 1
    out = []
    for d in ds:
        # claim words missing from the record that one of its variants matches
        missing = [s for s in q if s not in dset[d]]
        gain = sum(w[s] for s in missing if stem(american(s)) in dvar[d])
        joined = sum(idf(v) if df[v] else 5.0 for v in qv if v in dvar[d])
        out.append((gain + 0.5 * joined) / T)
    return out
if __name__ == '__main__':
    run(feature, [0.1, 0.2, 0.4, 0.7], norm=None, label='variants')
