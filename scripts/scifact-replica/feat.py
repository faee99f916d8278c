"""Loads evidence's own ranking (`evidence eval --ranking-output`) and scores an extra feature added to it."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rep import *
import pickle, os
swift = {}
for h in ('even','odd'):
    for l in open(f'{WORK}/swift_{h}.jsonl'):
        o = json.loads(l); swift[int(o['id'])] = [(d, float(s)) for d,s in o['ranked']]
if os.path.exists(WORK + '/dtok.pkl'):
    dtok = pickle.load(open(WORK + '/dtok.pkl','rb'))
else:
    dtok = {k: [stem(w) for w in toks(v[0]+' . '+v[1])] for k,v in docs.items()}
    pickle.dump(dtok, open(WORK + '/dtok.pkl','wb'))
ctf = collections.Counter(); df = collections.Counter()
for k,v in dtok.items(): ctf.update(v); df.update(set(v))
CL = sum(ctf.values()); N = len(dtok)
def idf(s): return math.log((N - df[s] + 0.5)/(df[s]+0.5) + 1)
def run(featfn, weights, norm='max', label=''):
    res = {}
    out = []
    for w in weights:
        rk = {}
        for cl in claims:
            cands = swift.get(cl['id'], [])
            if not cands: rk[cl['id']] = []; continue
            f = featfn(cl, [d for d,_ in cands])
            if norm == 'max':
                m = max(f); lo = min(f); f = [(x-lo)/(m-lo) if m>lo else 0 for x in f]
            sc = [s + w*x for (d,s),x in zip(cands, f)]
            order = sorted(range(len(cands)), key=lambda i:(-sc[i], int(cands[i][0])))
            rk[cl['id']] = [cands[i][0] for i in order]
        e = evaluate(rk, EVEN); o = evaluate(rk, ODD)
        print(f'{label} w={w}: even {e[0]:.4f} ({e[1]:.3f}) odd {o[0]:.4f} ({o[1]:.3f})', flush=True)
