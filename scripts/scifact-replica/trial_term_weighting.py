"""Trials: term weighting for verbose claims (idf powers, candidate-set discriminativeness, rarest words present)."""
from feat import *
dset = {k:set(v) for k,v in dtok.items()}
def qstems(cl):
    seen=[]; 
    for w in content(cl['claim']):
        s=stem(w)
        if s not in seen: seen.append(s)
    return seen
def cov_pow(p):
    def f(cl, ds):
        q=qstems(cl); w={s:idf(s)**p for s in q}; T=sum(w.values()) or 1
        return [sum(w[s] for s in q if s in dset[d])/T for d in ds]
    return f
def cov_cand(p=1):
    def f(cl, ds):
        q=qstems(cl); K=len(ds)
        cdf={s:sum(1 for d in ds if s in dset[d]) for s in q}
        w={s:(math.log((K+1)/(cdf[s]+0.5)))**p * idf(s) for s in q}; T=sum(w.values()) or 1
        return [sum(w[s] for s in q if s in dset[d])/T for d in ds]
    return f
def topk_present(k):
    def f(cl, ds):
        q=sorted(qstems(cl), key=lambda s:-idf(s))[:k]
        return [sum(1 for s in q if s in dset[d])/max(1,len(q)) for d in ds]
    return f
import sys
if __name__=='__main__': run(cov_pow(2), [0.1,0.2,0.4], label='idf^2 cov')
if __name__=='__main__': run(cov_pow(3), [0.1,0.2,0.4], label='idf^3 cov')
if __name__=='__main__': run(cov_cand(1), [0.1,0.2,0.4], label='cand-idf cov')
if __name__=='__main__': run(topk_present(1), [0.05,0.1,0.2], label='top1')
if __name__=='__main__': run(topk_present(2), [0.05,0.1,0.2], label='top2')
