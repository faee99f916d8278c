"""Trial: score smoothing over the nearest candidates (cluster hypothesis)."""
from feat import *
def vec(d):
    t=collections.Counter(dtok[d]); v={s:(1+math.log(n))*idf(s) for s,n in t.items()}
    nrm=math.sqrt(sum(x*x for x in v.values())) or 1
    return {s:x/nrm for s,x in v.items()}
V={}
def nb(k, top=20):
    def f(cl, ds):
        sc={d:s for d,s in swift[cl['id']]}
        vs=[V.setdefault(d, vec(d)) for d in ds]
        topd=list(range(min(top,len(ds))))
        out=[]
        for i,vi in enumerate(vs):
            sims=[]
            for j in topd:
                if j==i: continue
                vj=vs[j]
                if len(vi)>len(vj): a,b=vj,vi
                else: a,b=vi,vj
                sims.append((sum(x*b.get(s,0) for s,x in a.items()), sc[ds[j]]))
            sims.sort(reverse=True)
            out.append(sum(s*x for s,x in sims[:k]))
        return out
    return f
if __name__=='__main__': run(nb(3), [0.05,0.1,0.2], label='nb3')
if __name__=='__main__': run(nb(10), [0.05,0.1,0.2], label='nb10')
