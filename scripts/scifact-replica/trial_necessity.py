"""Session 6 trial: supervised term necessity (Zhao & Callan 2010; Bendersky et al. 2010).

Target per (claim, stem): share of the claim's cited records holding the stem. Topic-neutral features
(idf, title/abstract df ratio, position, capitalised / digits / acronym, suffix class, corpus
co-occurrence with the claim's other stems, the stem's smoothed necessity in the OTHER half's claims,
share of the top-10 / 100 candidates holding it). Cross-fitted: the model for even claims is trained on
odd claims and the reverse. Predicted weights enter bm25 term parts and the coverage features; the
result is added to evidence's score (weights chosen on even, read on odd, and the reverse)."""
from ltr_data import *
import sys
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import roc_auc_score

post = collections.defaultdict(set)
for k, v in dtok.items():
    for s in set(v): post[s].add(k)
SUFFIX = ['ed', 'ing', 'ion', 'ity', 'ly', 'es', 's', 'ive', 'al', 'ic', 'ase', 'in', 'ent', 'ous', 'er']

def stem_rows(cid, prior):
    d = DATA[cid]; q = d['q']; n = len(q); rows = []; ys = []
    rel = [r for r in d['rel'] if r in dtok]
    base = d['base']; top10 = np.argsort(-base)[:10]
    for i, (s, w) in enumerate(q):
        df_ = len(post.get(s, ())); tdf = TDF.get(s, 0)
        others = [t for t, _ in q if t != s]
        co1 = np.mean([len(post.get(s, set()) & post.get(t, set())) / max(1, len(post.get(t, ()))) for t in others]) if others else 0
        co2 = np.mean([len(post.get(s, set()) & post.get(t, set())) / max(1, df_) for t in others]) if others else 0
        h, m = prior.get(s, (0, 0))
        f = [idf(s), math.log(1 + df_), (tdf + 1) / (df_ + 2), i / max(1, n - 1), float(i == 0), n,
             float(w[:1].isupper() and i > 0), float(any(c.isdigit() for c in w)), float(sum(c.isupper() for c in w) >= 2),
             len(w), co1, co2, (h + 2 * PRIOR0) / (m + 2), math.log(1 + m),
             d['rec'][:, i].mean() if len(d['ds']) else 0, d['rec'][top10, i].mean() if len(d['ds']) else 0]
        f += [float(w.lower().endswith(x)) for x in SUFFIX]
        rows.append(f)
        ys.append(np.mean([1.0 if s in set(dtok[r]) else 0.0 for r in rel]) if rel else 0.0)
    return rows, ys

def prior_of(ids):
    """Smoothed necessity of each stem over the given claims: (hits, occurrences)."""
    p = {}
    for cid in ids:
        d = DATA[cid]; rel = [r for r in d['rel'] if r in dtok]
        if not rel: continue
        for s, _ in d['q']:
            h, m = p.get(s, (0, 0))
            p[s] = (h + np.mean([1.0 if s in set(dtok[r]) else 0.0 for r in rel]), m + 1)
    return p

def fit_predict(train_ids, test_ids, kind):
    global PRIOR0
    prior = prior_of(train_ids)
    PRIOR0 = sum(h for h, _ in prior.values()) / max(1, sum(m for _, m in prior.values()))
    # the prior for a training claim must not include the claim itself: leave-one-out
    X = []; Y = []
    for cid in train_ids:
        d = DATA[cid]; rel = [r for r in d['rel'] if r in dtok]
        loo = dict(prior)
        for s, _ in d['q']:
            if rel and s in loo:
                h, m = loo[s]; loo[s] = (h - np.mean([1.0 if s in set(dtok[r]) else 0.0 for r in rel]), m - 1)
        r, y = stem_rows(cid, loo); X += r; Y += y
    X = np.array(X); Y = np.array(Y)
    if kind == 'logreg':
        mu, sd = X.mean(0), X.std(0) + 1e-9
        m = LogisticRegression(C=1.0, max_iter=2000).fit((X - mu) / sd, (Y >= 0.5).astype(int))
        pred = lambda Z: m.predict_proba((np.array(Z) - mu) / sd)[:, 1]
    else:
        m = HistGradientBoostingRegressor(max_depth=3, max_iter=150, learning_rate=0.05, random_state=0).fit(X, Y)
        pred = lambda Z: np.clip(m.predict(np.array(Z)), 0.01, 1)
    out = {}; Xt = []; Yt = []
    for cid in test_ids:
        r, y = stem_rows(cid, prior)
        out[cid] = pred(r) if r else np.array([])
        Xt += r; Yt += y
    auc = roc_auc_score((np.array(Yt) >= 0.5).astype(int), np.concatenate([out[c] for c in test_ids if len(out[c])]))
    return out, auc

def features(cid, p):
    """Necessity-weighted features over the candidates of one claim."""
    d = DATA[cid]; q = d['q']
    if not len(d['ds']) or not q: return {}
    ids = np.array([idf(s) for s, _ in q])
    w = p * ids; T = w.sum() or 1
    rec = d['rec'] @ w / T
    sent = np.array([(m @ w).max() / T if len(m) else 0 for m in d['sm']])
    tit = d['tit'] @ w / T
    bm = d['bm'] @ p
    # plain idf versions, to show what the weights add
    return dict(rec=rec, sent=sent, tit=tit, bm=minmax(bm), wsum=0.7 * minmax(bm) + 0.7 * sent + 0.3 * rec + 0.2 * tit)

if __name__ == '__main__' and 'ltr' not in sys.argv:
    E = [c['id'] for c in EVEN]; O = [c['id'] for c in ODD]
    for kind in ('logreg', 'gbm'):
        pe, auc_e = fit_predict(O, E, kind); po, auc_o = fit_predict(E, O, kind)
        P = {**pe, **po}
        print(f'{kind}: necessity AUC on even (trained on odd) {auc_e:.3f}, on odd (trained on even) {auc_o:.3f}', flush=True)
        F = {cid: features(cid, P[cid]) for cid in P}
        for name in ('rec', 'sent', 'tit', 'bm', 'wsum'):
            for wt in (0.1, 0.2, 0.4, 0.8):
                sc = {cid: DATA[cid]['base'] + wt * F[cid][name] if F[cid] else DATA[cid]['base'] for cid in P}
                e, o, a, _ = evaluate_scores(sc)
                print(f'  {kind} {name} w={wt}: even {e:.4f} odd {o:.4f} all {a:.4f}', flush=True)
        # necessity-weighted score replacing evidence's (no base)
        sc = {cid: F[cid]['wsum'] if F[cid] else DATA[cid]['base'] for cid in P}
        e, o, a, _ = evaluate_scores(sc)
        print(f'  {kind} replace score by weighted sum: even {e:.4f} odd {o:.4f} all {a:.4f}', flush=True)
    # control: oracle necessity (the target itself) shows the ceiling of term weighting
    P = {}
    for cid in DATA:
        d = DATA[cid]; rel = [r for r in d['rel'] if r in dtok]
        P[cid] = np.array([np.mean([1.0 if s in set(dtok[r]) else 0.0 for r in rel]) if rel else 0 for s, _ in d['q']]) + 0.01
    F = {cid: features(cid, P[cid]) for cid in P}
    for name in ('rec', 'wsum'):
        for wt in (0.2, 0.4):
            sc = {cid: DATA[cid]['base'] + wt * F[cid][name] if F[cid] else DATA[cid]['base'] for cid in P}
            e, o, a, _ = evaluate_scores(sc)
            print(f'  ORACLE {name} w={wt}: even {e:.4f} odd {o:.4f} all {a:.4f}', flush=True)

def lambdarank_with_necessity():
    """The necessity-weighted coverages (tree model, cross-fitted) as extra lambdarank features (200 × 7)."""
    import trial_lambdarank as L
    E = [c['id'] for c in EVEN]; O = [c['id'] for c in ODD]
    pe, _ = fit_predict(O, E, 'gbm'); po, _ = fit_predict(E, O, 'gbm'); P = {**pe, **po}
    for i in L.MAT:
        if L.MAT[i] is None: continue
        F = features(i, P[i]); n = len(DATA[i]['ds'])
        extra = [F.get(k, np.zeros(n)) for k in ('rec', 'sent', 'tit', 'bm')]
        L.MAT[i] = (np.column_stack([L.MAT[i][0], *extra]), L.MAT[i][1])
    L.FEATS = L.FEATS + ['nec_rec', 'nec_sent', 'nec_tit', 'nec_bm']
    pe = L.predict(L.train(O, L.PARAMS, 200), E); po = L.predict(L.train(E, L.PARAMS, 200), O)
    print(f'lambdarank + necessity features: even (trained on odd) {L.score(pe, E):.4f} odd (trained on even) {L.score(po, O):.4f}')

if __name__ == '__main__' and 'ltr' in sys.argv: lambdarank_with_necessity()
