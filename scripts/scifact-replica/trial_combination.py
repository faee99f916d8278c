"""Trial: the weak features together."""
from feat import *
import trial_abbreviations as f4, trial_neighbours as f5, trial_term_weighting as f2, trial_ql_sdm as f1
fa=f4.abbrfeat('cand'); fn=f5.nb(3); fc=f2.cov_cand(1); fq=f1.ql(2000)
def mm(f):
    m=max(f); lo=min(f); return [(x-lo)/(m-lo) if m>lo else 0 for x in f]
def combo(wa, wn, wc, wq):
    def f(cl, ds):
        a=fa(cl,ds); n=mm(fn(cl,ds)); c=mm(fc(cl,ds)); q=mm(fq(cl,ds))
        return [wa*x+wn*y+wc*z+wq*u for x,y,z,u in zip(a,n,c,q)]
    return f
for ws in [(0.4,0.1,0.2,0),(0.4,0.1,0,0.2),(0.4,0.1,0.1,0.1),(0.4,0.05,0.1,0.1)]:
    run(combo(*ws), [1.0], norm=None, label=str(ws))
