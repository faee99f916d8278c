"""Trials: Dirichlet query likelihood (`ql`) and the sequential dependence model (`sdm`) as extra rerank features."""
from feat import *
def qstems(cl): return [stem(w) for w in content(cl['claim'])]
def ql(mu):
    def f(cl, ds):
        q = qstems(cl); out=[]
        for d in ds:
            t = collections.Counter(dtok[d]); L = len(dtok[d])
            out.append(sum(math.log((t[s] + mu*(ctf[s]+0.5)/CL)/(L+mu)) for s in q))
        return out
    return f
def windows(seq, a, b, ordered, win):
    # count occurrences
    pa = [i for i,x in enumerate(seq) if x==a]
    if not pa: return 0
    pb = set(i for i,x in enumerate(seq) if x==b)
    n=0
    for i in pa:
        if ordered:
            if i+1 in pb: n+=1
        else:
            if any(j in pb for j in range(i-win+1, i+win) if j!=i): n+=1
    return n
def sdm(mu, wt, wo, wu):
    def f(cl, ds):
        q = qstems(cl); pairs = list(zip(q, q[1:])); out=[]
        # collection stats for pairs approximated via df of docs
        for d in ds:
            seq = dtok[d]; t = collections.Counter(seq); L = len(seq)
            u = sum(math.log((t[s] + mu*(ctf[s]+0.5)/CL)/(L+mu)) for s in q)
            o = sum(math.log((windows(seq,a,b,True,1) + mu*0.5/CL)/(L+mu)) for a,b in pairs)
            un = sum(math.log((windows(seq,a,b,False,8) + mu*0.5/CL)/(L+mu)) for a,b in pairs)
            out.append(wt*u + wo*o + wu*un)
        return out
    return f
import sys
which = sys.argv[1] if __name__=='__main__' else ''
if which == 'ql':
    for mu in (300, 1000, 2000):
        run(ql(mu), [0.1, 0.2, 0.4], label=f'ql mu={mu}')
if which == 'sdm':
    run(sdm(1000, 0.0, 1.0, 0.0), [0.1,0.2,0.4], label='ordered only')
    run(sdm(1000, 0.0, 0.0, 1.0), [0.1,0.2,0.4], label='unordered8 only')
    run(sdm(1000, 0.85, 0.1, 0.05), [0.1,0.2,0.4], label='sdm')
