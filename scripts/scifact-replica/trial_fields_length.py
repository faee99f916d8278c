"""Trials: bm25 with other column weights, and document length, as extra rerank features."""
from feat import *
c = build_fts()
def bm25cols(wt, wa=1.0):
    def f(cl, ds):
        ws=[]; seen=set()
        for w in toks(cl['claim']):
            if w not in seen: seen.add(w); ws.append(w)
        expr = '{title abstract} : (' + ' OR '.join(fts_quote(w) for w in ws) + ')'
        ph=','.join('?'*len(ds))
        r = dict((str(a),-b) for a,b in c.execute(f"select rowid, bm25(t,{wt},{wa}) from t where t match ? and rowid in ({ph})", [expr]+[int(d) for d in ds]))
        return [r.get(d,0) for d in ds]
    return f
def lenf(cl, ds): return [math.log(1+len(dtok[d])) for d in ds]
run(bm25cols(3), [0.1,0.2,0.4], label='bm25 title3')
run(bm25cols(0, 1), [0.1,0.2], label='bm25 abstract only')
run(bm25cols(1, 0), [0.1,0.2], label='bm25 title only')
run(lenf, [-0.1,-0.05,0.05,0.1], label='loglen')
