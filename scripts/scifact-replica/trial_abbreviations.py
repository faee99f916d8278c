"""Trial: abbreviation pairs (Schwartz & Hearst) mined from the corpus or the candidates, as a coverage feature."""
from feat import *
from abbr import pairs
dset = {k:set(v) for k,v in dtok.items()}
dpairs = {k: pairs(v[0]+' . '+v[1]) for k,v in docs.items()}
def qstems(cl):
    seen=[]
    for w in content(cl['claim']):
        s=stem(w)
        if s not in seen: seen.append(s)
    return seen
def lfstems(lf): return [stem(w) for w in toks(lf) if w not in STOP]
def abbrfeat(source, mode='delta'):
    def f(cl, ds):
        # mine
        src = dpairs.keys() if source=='corpus' else ds
        m = collections.defaultdict(collections.Counter)
        for d in src:
            for sf,lf in dpairs[d]: m[sf][tuple(lfstems(lf))] += 1
        q = qstems(cl); w={s:idf(s) for s in q}; T=sum(w.values()) or 1
        claimtoks = set(re.findall(r'[A-Za-z0-9\-]+', cl['claim']))
        alts = []  # (stem that can be satisfied, alternative stem tuple)
        qs=set(q)
        for sf in m:
            sfst = [stem(x) for x in toks(sf)]
            lf = m[sf].most_common(1)[0][0]
            if not lf: continue
            if sf in claimtoks and len(sfst)==1 and sfst[0] in qs:
                alts.append(((sfst[0],), lf))
            if len(lf)>=2 and all(s in qs for s in lf):
                alts.append((lf, tuple(sfst)))
        out=[]
        for d in ds:
            ds_ = dset[d]; gain=0
            for need, alt in alts:
                if not all(s in ds_ for s in need) and all(s in ds_ for s in alt):
                    gain += sum(w.get(s,0) for s in need)
            out.append(gain/T)
        return out
    return f
if __name__=='__main__': run(abbrfeat('corpus'), [0.1,0.2,0.4,0.7], norm=None, label='abbr corpus')
if __name__=='__main__': run(abbrfeat('cand'), [0.1,0.2,0.4,0.7], norm=None, label='abbr cand')
