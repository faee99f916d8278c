"""Session 8 trials over the ported (session-7, 23-feature) reranker, judged on the grouped cross-fit
(5 folds sharing no cited record, fold seeds 0 and 1) as well as the even/odd split:
error analysis of the ported reranker on claims citing unseen records (`errors`), a two-stage cascade
whose similarity features are recomputed against the best candidates by an out-of-fold stage-1 reranker
score (`cascade`), score propagation over the candidates' similarity graph (`propagate`), and models that
should generalise rather than memorise records (`models`: linear / logistic rankers, blends, monotone
constraints, rank_xendcg, coarsened record length).

    SCIFACT_WORK=/tmp/sfw8c python3 scripts/scifact-replica/trial_session8.py [group ...]

Reuses trial_session7.py's data and helpers (import). The candidate similarity matrices (the ported cosine:
stem vectors over every stem, (1 + ln tf) x ln((n + 1) / (df + 0.5)) with df among the claim's candidates)
are cached in $SCIFACT_WORK/s8sim.pkl."""
import sys
_argv = sys.argv; sys.argv = sys.argv[:1]
import trial_session7 as t7
from trial_session7 import *
sys.argv = _argv
import scipy.sparse as sp

PORT = CHOSEN                                       # ported extra features (raw)
NP = len(PORTED)                                    # 23 columns
COL = {n: k for k, n in enumerate(PORTED)}

def _sim_build():
    out = {}
    for cl in claims:
        cid = cl['id']; d = DATA[cid]; ds = d['ds']; n = len(ds)
        if not n: out[cid] = None; continue
        bags = [collections.Counter(dtok[x]) for x in ds]
        dfl = collections.Counter(); [dfl.update(b.keys()) for b in bags]
        voc = {s: k for k, s in enumerate(dfl)}
        rows, cols, vals = [], [], []
        for r, b in enumerate(bags):
            for s, c in b.items():
                rows.append(r); cols.append(voc[s]); vals.append((1 + math.log(c)) * math.log((n + 1) / (dfl[s] + 0.5)))
        M = sp.csr_matrix((vals, (rows, cols)), shape=(n, len(voc)))
        nrm = np.sqrt(M.multiply(M).sum(1)).A1; nrm[nrm == 0] = 1
        M = sp.diags(1 / nrm) @ M
        out[cid] = (M @ M.T).toarray().astype(np.float32)
    return out

SIM = cached('s8sim.pkl', _sim_build)

def sim_feats(cid, score, weight=None, top=20):
    """cos_top1, cos_top3, nbr3 (as ported) against the best `top` candidates by `score`; nbr3 sums
    weight (default: score) of the 3 nearest times the cosine."""
    C = SIM[cid]; n = len(score); w = score if weight is None else weight
    order = np.argsort(-score, kind='stable')[:top]
    f1 = np.zeros(n); f3 = np.zeros(n); nb = np.zeros(n)
    for i in range(n):
        others = [j for j in order if j != i]
        c = C[i, others]
        f1[i] = c[0] if len(c) else 0; f3[i] = c[:3].mean() if len(c) else 0
        near = np.argsort(-c, kind='stable')[:3]
        nb[i] = sum(c[k] * w[others[k]] for k in near)
    return f1, f3, nb

def _check_sims():
    bad = 0
    for cid in ALL[:60]:
        if SIM[cid] is None: continue
        f1, f3, nb = sim_feats(cid, DATA[cid]['base'])
        s = S7[cid]
        bad += not (np.allclose(f1, s['cos_top1A'], atol=1e-4) and np.allclose(f3, s['cos_top3A'], atol=1e-4) and np.allclose(nb, s['nbr3A'], atol=1e-3))
    print('similarity recomputation matches s7feat3 on', 60 - bad, 'of 60 claims', flush=True)

def ported_matrices():
    with_features(PORT, 'raw')
    return {i: MAT[i] for i in MAT}

PM = ported_matrices()
CLAIM = {c['id']: c for c in claims}

def groups_of(ids, folds, seed):
    """record_groups restricted to ids: folds of ids sharing no cited record."""
    ids = set(ids)
    parent = {i: i for i in ids}
    def find(x):
        while parent[x] != x: parent[x] = parent[parent[x]]; x = parent[x]
        return x
    by_doc = collections.defaultdict(list)
    for i in ids:
        for d in CLAIM[i]['cited_doc_ids']: by_doc[d].append(i)
    for v in by_doc.values():
        for i in v[1:]: parent[find(i)] = find(v[0])
    comps = collections.defaultdict(list)
    for i in sorted(ids): comps[find(i)].append(i)
    comps = list(comps.values()); rng = np.random.default_rng(seed); rng.shuffle(comps)
    comps.sort(key=len, reverse=True)
    out = [[] for _ in range(folds)]
    for comp in comps: min(out, key=len).extend(comp)
    return out

def fit_lgb(mats, ids, params=PARAMS, rounds=200, seed=0):
    ids = [i for i in ids if mats[i] is not None]
    X = np.vstack([mats[i][0] for i in ids]); y = np.concatenate([mats[i][1] for i in ids]); g = [len(mats[i][1]) for i in ids]
    return lgb.train(dict(params, seed=seed), lgb.Dataset(X, y, group=g), num_boost_round=rounds)

def lgb_method(mats=None, params=PARAMS, rounds=200):
    def m(tr, te):
        M = mats or PM
        mod = fit_lgb(M, tr, params, rounds)
        return {i: mod.predict(M[i][0]) for i in te if M[i] is not None}
    return m

def splits():
    """(name, [(train ids, test ids), ...]) for grouped fold seeds 0 and 1 and the even/odd split."""
    out = []
    for s in (0, 1):
        parts = record_groups(5, s)
        out.append((f'g{s}', [([i for j in range(5) if j != f for i in parts[j]], parts[f]) for f in range(5)]))
    out.append(('eo', [(O, E), (E, O)]))
    return out
SPLITS = splits()

def run_method(method):
    """{split: {claim: nDCG@10}} with every claim scored out of fold."""
    res = {}
    for name, folds in SPLITS:
        per = {}
        for tr, te in folds:
            sc = method(tr, te)
            for i in te: per[i] = ndcg_of_scores(i, sc[i]) if i in sc and len(sc[i]) else 0.0
        res[name] = per
    return res

REF = None; ROWS = []
def show(label, res):
    """Grouped (seed 0 / 1) even / odd / all, even/odd split even / odd / all, Δ all vs the ported set with
    a paired bootstrap on each grouped seed."""
    def eoa(per): return (np.mean([per[i] for i in E]), np.mean([per[i] for i in O]), np.mean([per[i] for i in ALL]))
    parts = []
    row = [label]
    for nm in ('g0', 'g1', 'eo'):
        ev, od, al = eoa(res[nm]); row.append((ev, od, al))
        s = f'{nm} {ev:.4f}/{od:.4f}/{al:.4f}'
        if REF is not None:
            m, lo, hi = bootstrap(res[nm], REF[nm])
            de = np.mean([res[nm][i] - REF[nm][i] for i in E]); do = np.mean([res[nm][i] - REF[nm][i] for i in O])
            s += f' Δ{de:+.4f}/{do:+.4f}/{m:+.4f}' + (f' [{lo:+.4f},{hi:+.4f}]' if nm != 'eo' else '')
        parts.append(s)
    print(f'{label:<60} ' + ' | '.join(parts), flush=True)
    ROWS.append(row)
    return res

def reference():
    global REF
    lin = {i: ndcg_of_scores(i, DATA[i]['base']) if len(DATA[i]['ds']) else 0 for i in ALL}
    show('linear ranking', {k: lin for k in ('g0', 'g1', 'eo')})
    REF = show('ported set (reference)', run_method(lgb_method()))

# ---------------------------------------------------------------- error analysis
def g_errors():
    parts = record_groups(5, 0); pred = {}
    for f in range(5):
        tr = [i for j in range(5) if j != f for i in parts[j]]
        mod = fit_lgb(PM, tr)
        for i in parts[f]:
            if PM[i] is not None: pred[i] = mod.predict(PM[i][0])
    sh = shared_split(); un = [i for i in ALL if i not in sh]
    def first_rank(i):
        if i not in pred: return None
        d = DATA[i]; order = sorted(range(len(d['ds'])), key=lambda k: (-pred[i][k], int(d['ds'][k])))
        for r, k in enumerate(order):
            if d['ds'][k] in d['rel']: return r + 1, order, k
        return None
    for name, ids in (('unshared (344)', un), ('all 809', ALL)):
        b = collections.Counter()
        for i in ids:
            fr = first_rank(i)
            b['not in 100' if fr is None else '1' if fr[0] == 1 else '2-3' if fr[0] <= 3 else '4-10' if fr[0] <= 10 else '11-20' if fr[0] <= 20 else '21-100'] += 1
        print(name, {k: b[k] for k in ('1', '2-3', '4-10', '11-20', '21-100', 'not in 100')})
    # top record vs first cited record, for unshared claims with the cited record at rank 2-10
    cases = [(i, fr) for i in un for fr in [first_rank(i)] if fr and 2 <= fr[0] <= 10]
    print(len(cases), 'unshared claims with the first cited record at rank 2-10')
    diffs = []
    for i, (r, order, k) in cases:
        X = PM[i][0]; diffs.append(X[order[0]] - X[k])
    diffs = np.array(diffs)
    print(f'{"feature":<16} mean(top - cited)  share top > cited')
    for n_, c in COL.items():
        print(f'{n_:<16} {diffs[:, c].mean():+.4f}  {np.mean(diffs[:, c] > 1e-9):.2f}')
    # is the top record similar to the cited one? cosine between them
    cs = [SIM[i][order[0], k] for i, (r, order, k) in cases]
    print('cosine(top, cited): median %.3f, share > 0.3: %.2f' % (np.median(cs), np.mean(np.array(cs) > 0.3)))
    # is the cited one above the top record on the linear score?
    print('cited above top on the linear score: %.2f' % np.mean([DATA[i]['base'][k] > DATA[i]['base'][order[0]] for i, (r, order, k) in cases]))
    rng = np.random.default_rng(0)
    for idx in rng.choice(len(cases), min(25, len(cases)), replace=False)[:8]:
        i, (r, order, k) = cases[idx]; d = DATA[i]
        print(f'\n#{i} rank {r}: {d["claim"]}')
        for tag, j in (('top', order[0]), ('cited', k)):
            X = PM[i][0][j]
            print(f'  {tag:5} lin#{int(X[1])+1} rec {X[3]:.2f} sent {X[4]:.2f} tit {X[5]:.2f} titp {X[22]:.2f} cos1 {X[19]:.2f} nbr3 {X[21]:.2f} dlen {X[10]:.1f} | {docs[d["ds"][j]][0][:110]}')

# ---------------------------------------------------------------- cascade
def propagate(cid, s, steps=2, alpha=0.5, top=20):
    """Score smoothing over the similarity graph of the best `top` candidates by s (s rescaled 0..1):
    each step, s <- (1 - alpha) s0 + alpha * (cosine-weighted mean of the top candidates' s, self excluded)."""
    C = SIM[cid].astype(float).copy(); np.fill_diagonal(C, 0)
    s0 = minmax(s); top_ = np.argsort(-s0, kind='stable')[:top]
    W = C[:, top_]; den = W.sum(1); den[den == 0] = 1
    x = s0.copy()
    for _ in range(steps):
        x = (1 - alpha) * s0 + alpha * (W @ x[top_]) / den
    return x

def stage2_columns(cid, s, kind):
    """Extra / replacement columns from a stage-1 score s over one claim's candidates."""
    sn = minmax(s)
    f1, f3, nb = sim_feats(cid, s, weight=sn)
    rank = np.argsort(np.argsort(-s, kind='stable'), kind='stable').astype(float)
    cols = {'sim': [f1, f3, nb], 'score': [sn, rank], 'prop': [propagate(cid, s)],
            'nbr_only': [nb]}
    return [c for k in kind.split('+') for c in cols[k]]

def stage2_matrix(cid, s, kind, replace):
    X, y = PM[cid]
    if replace:
        X = np.delete(X, [COL['cos_top1'], COL['cos_top3'], COL['nbr3']], axis=1)
    return np.column_stack([X] + stage2_columns(cid, s, kind)), y

def oof_stage1(tr, inner=5, seed=7, params=PARAMS, rounds=200):
    """Stage-1 scores for the training claims, each from a model that did not see it (inner grouped folds)."""
    out = {}
    for part in groups_of(tr, inner, seed):
        mod = fit_lgb(PM, [i for i in tr if i not in set(part)], params, rounds)
        for i in part:
            if PM[i] is not None: out[i] = mod.predict(PM[i][0])
    return out

_S1 = {}
def stage1_cached(tr, te):
    key = (tuple(sorted(tr)), tuple(sorted(te)))
    if key not in _S1:
        s = oof_stage1(tr); full = fit_lgb(PM, tr)
        s.update({i: full.predict(PM[i][0]) for i in te if PM[i] is not None})
        _S1[key] = s
    return _S1[key]

def cascade_method(kind, replace=False, params=PARAMS, rounds=200):
    def m(tr, te):
        s = stage1_cached(tr, te)
        M = {i: stage2_matrix(i, s[i], kind, replace) if i in s else None for i in list(tr) + list(te)}
        mod = fit_lgb(M, tr, params, rounds)
        return {i: mod.predict(M[i][0]) for i in te if M[i] is not None}
    return m

def stage1_only(tr, te):
    s = stage1_cached(tr, te); return {i: s[i] for i in te if i in s}

def g_cascade():
    show('stage 1 alone (= ported set, same models)', run_method(stage1_only))
    for kind, rep in (('sim', True), ('sim', False), ('sim+score', False), ('score', False), ('prop', False),
                      ('sim+prop', False), ('sim+score+prop', False)):
        show(f'cascade: {"replace" if rep else "add"} {kind}', run_method(cascade_method(kind, rep)))

def g_propagate():
    """Post-hoc smoothing of the ported reranker's score (no retraining)."""
    base = lgb_method()
    cache = {}
    def make(steps, alpha):
        def m(tr, te):
            key = (tuple(sorted(tr)), tuple(sorted(te)))
            if key not in cache: cache[key] = base(tr, te)
            return {i: propagate(i, v, steps, alpha) for i, v in cache[key].items()}
        return m
    for steps, alpha in ((1, 0.2), (2, 0.3), (3, 0.5)):
        show(f'ported score smoothed: {steps} steps, alpha {alpha}', run_method(make(steps, alpha)))

# ---------------------------------------------------------------- models that generalise
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

def _stack(M, ids):
    ids = [i for i in ids if M[i] is not None]
    return np.vstack([M[i][0] for i in ids]), np.concatenate([M[i][1] for i in ids]), ids

def pointwise_method(C=1.0, M=None):
    def m(tr, te):
        MM = M or PM
        X, y, _ = _stack(MM, tr); sc = StandardScaler().fit(X)
        lr = LogisticRegression(C=C, max_iter=2000).fit(sc.transform(X), y)
        return {i: lr.decision_function(sc.transform(MM[i][0])) for i in te if MM[i] is not None}
    return m

def pairwise_method(C=1.0, neg=20, seed=0, M=None):
    """Logistic regression on (relevant - non-relevant) feature differences within a claim (RankNet, linear)."""
    def m(tr, te):
        MM = M or PM
        X, _, _ = _stack(MM, tr); sc = StandardScaler().fit(X)
        rng = np.random.default_rng(seed); D = []
        for i in tr:
            if MM[i] is None: continue
            Z = sc.transform(MM[i][0]); y = MM[i][1]
            pos = np.where(y > 0)[0]; negs = np.where(y == 0)[0]
            if not len(pos) or not len(negs): continue
            for p_ in pos:
                for q in rng.choice(negs, min(neg, len(negs)), replace=False): D.append(Z[p_] - Z[q])
        D = np.array(D); Xd = np.vstack([D, -D]); yd = np.r_[np.ones(len(D)), np.zeros(len(D))]
        lr = LogisticRegression(C=C, max_iter=2000, fit_intercept=False).fit(Xd, yd)
        return {i: sc.transform(MM[i][0]) @ lr.coef_[0] for i in te if MM[i] is not None}
    return m

def zs(v):
    v = np.asarray(v, float); sd = v.std()
    return (v - v.mean()) / sd if sd > 0 else v * 0

def rk(v):
    return -np.argsort(np.argsort(-np.asarray(v), kind='stable'), kind='stable').astype(float)

def blend_method(a, b, w=0.5, how='z'):
    ca, cb = {}, {}
    def m(tr, te):
        key = (tuple(sorted(tr)), tuple(sorted(te)))
        if key not in ca: ca[key] = a(tr, te); cb[key] = b(tr, te)
        f = zs if how == 'z' else rk
        return {i: (1 - w) * f(ca[key][i]) + w * f(cb[key][i]) for i in ca[key]}
    return m

UP = ['base', 'bm', 'rec', 'sent', 'tit', 'pairs', 'rec_u', 'sent2', 'cand_df_w', 'rec_minus_top']
DOWN = ['base_rank', 'missing', 'max_idf_missing']

def monotone(extra_up=()):
    return [1 if n in UP or n in extra_up else -1 if n in DOWN else 0 for n in PORTED]

def coarse_dlen(step):
    c = COL['dlen']
    out = {}
    for i, v in PM.items():
        if v is None: out[i] = None; continue
        X = v[0].copy()
        X[:, c] = np.round(X[:, c] / step) * step if step else 0
        out[i] = (X, v[1])
    return out

def g_models():
    show('pointwise logistic (standardised, C 1)', run_method(pointwise_method()))
    show('pairwise logistic (standardised, C 1)', run_method(pairwise_method()))
    show('pairwise logistic (C 0.01)', run_method(pairwise_method(C=0.01)))
    lg = lgb_method(); pw = pairwise_method()
    for w in (0.3, 0.5):
        show(f'blend ported trees + pairwise linear, z-scores, w {w}', run_method(blend_method(lg, pw, w)))
    show('blend ported trees + pairwise linear, ranks, w 0.5', run_method(blend_method(lg, pw, 0.5, 'rank')))
    show('monotone constraints (coverages, scores up; missing, rank down)', run_method(lgb_method(params=dict(PARAMS, monotone_constraints=monotone()))))
    show('monotone + similarities up', run_method(lgb_method(params=dict(PARAMS, monotone_constraints=monotone(('cos_top1', 'cos_top3', 'nbr3', 'tit_prec'))))))
    show('objective rank_xendcg', run_method(lgb_method(params=dict(PARAMS, objective='rank_xendcg'))))
    show('extra_trees', run_method(lgb_method(params=dict(PARAMS, extra_trees=True))))
    show('extra_trees, 400 trees', run_method(lgb_method(params=dict(PARAMS, extra_trees=True), rounds=400)))
    show('path_smooth 10', run_method(lgb_method(params=dict(PARAMS, path_smooth=10))))
    for step in (0.5, 1.0, 0):
        show(f'record length rounded to {step} (log)' if step else 'record length constant', run_method(lgb_method(mats=coarse_dlen(step))))

# ---------------------------------------------------------------- neighbour-expanded coverage (document expansion)
def expand_cols(cid, k=3, pool=None):
    """For each candidate, the IDF-weighted share of claim stems present in it or, cosine-weighted, in its k
    nearest other candidates (among all, or the best `pool` by the linear score): a record that misses claim
    words its close neighbours hold gains. Returns (expanded coverage, expanded - own coverage)."""
    d = DATA[cid]; q = d['q']; n = len(d['ds'])
    if not q: return [np.zeros(n), np.zeros(n)]
    w = np.array([idf(s_) for s_, _ in q]); T = w.sum() or 1
    C = SIM[cid].astype(float).copy(); np.fill_diagonal(C, -1)
    if pool: C[:, pool:] = -1
    R = d['rec']; out = np.zeros(n)
    for i in range(n):
        nn = np.argsort(-C[i], kind='stable')[:k]; c = np.clip(C[i, nn], 0, None)
        e = (c @ R[nn]) / (c.sum() or 1)
        out[i] = np.maximum(R[i], e) @ w / T
    own = R @ w / T
    return [out, out - own]

def with_cols(colfn):
    M = {}
    for i, v in PM.items():
        M[i] = None if v is None else (np.column_stack([v[0]] + colfn(i)), v[1])
    return M

def g_expand():
    show('+ neighbour-expanded coverage (3 nearest of all)', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 3)))))
    show('+ neighbour-expanded coverage (3 nearest of top 20)', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 3, 20)))))
    show('+ neighbour-expanded coverage (1 nearest of all)', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 1)))))

def g_shrink():
    """The ported reranker's score shrunk toward the linear score (within-claim z-scores), and 5 seeds averaged."""
    lin = lambda tr, te: {i: DATA[i]['base'] for i in te if PM[i] is not None}
    lg = lgb_method()
    for w in (0.2, 0.4):
        show(f'ported trees blended with the linear score, z-scores, w {w}', run_method(blend_method(lg, lin, w)))
    def seeds(tr, te):
        acc = {}
        for sd in range(5):
            mod = fit_lgb(PM, tr, seed=sd)
            for i in te:
                if PM[i] is not None: acc[i] = acc.get(i, 0) + mod.predict(PM[i][0])
        return acc
    show('ported set, 5 LightGBM seeds averaged', run_method(seeds))

def g_expand2():
    show('+ expanded coverage (5 nearest of all)', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 5)))))
    show('+ expanded coverage (3 nearest of all) + (3 nearest of top 20)', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 3) + expand_cols(i, 3, 20)))))
    show('+ expanded coverage (3 nearest of all), coverage column only', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 3)[:1]))))

def g_expand3():
    show('+ expanded coverage (3 nearest of all), path_smooth 10', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 3)), params=dict(PARAMS, path_smooth=10))))
    show('+ expanded coverage (10 nearest of all)', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 10)))))
    show('+ expanded coverage (3 nearest of all), gain column only', run_method(lgb_method(mats=with_cols(lambda i: expand_cols(i, 3)[1:]))))

def seeds_method(mats, k=5):
    def m(tr, te):
        acc = {}
        for sd in range(k):
            mod = fit_lgb(mats, tr, seed=sd)
            for i in te:
                if mats[i] is not None: acc[i] = acc.get(i, 0) + mod.predict(mats[i][0])
        return acc
    return m

def g_expand5():
    """Expanded coverage against the ported set with both averaged over 5 LightGBM seeds (less model noise)."""
    global REF
    REF = show('ported set, 5 LightGBM seeds averaged (reference for the next row)', run_method(seeds_method(PM)))
    show('+ expanded coverage (3 nearest of all), 5 seeds averaged', run_method(seeds_method(with_cols(lambda i: expand_cols(i, 3)))))

def g_expandseeds():
    """Expanded coverage (3 nearest of all) against the ported set on three more grouped fold seeds (2, 3, 4)."""
    global SPLITS
    keep = SPLITS
    EX = with_cols(lambda i: expand_cols(i, 3))
    for s_ in (2, 3, 4):
        parts = record_groups(5, s_)
        SPLITS = [('g', [([i for j in range(5) if j != f for i in parts[j]], parts[f]) for f in range(5)])]
        a = run_method(lgb_method())['g']; b = run_method(lgb_method(mats=EX))['g']
        m, lo, hi = bootstrap(b, a)
        de = np.mean([b[i] - a[i] for i in E]); do = np.mean([b[i] - a[i] for i in O])
        print(f'fold seed {s_}: ported {np.mean([a[i] for i in ALL]):.4f}, + expanded coverage {np.mean([b[i] for i in ALL]):.4f}'
              f'  Δ {de:+.4f} / {do:+.4f} / {m:+.4f} [{lo:+.4f}, {hi:+.4f}]', flush=True)
    SPLITS = keep

def g_export(out=None):
    """The ported set plus expanded coverage (3 nearest of all), as RankingModel.featureNames since session 8:
    models trained on the even half, the odd half and all 809 claims, written as ranking-model-s8-{name}.json."""
    import trial_lambdarank as tl
    out = out or WORK
    mats = with_cols(lambda i: expand_cols(i, 3))
    keep = tl.FEATS
    tl.FEATS = list(PORTED) + ['exp_cov', 'exp_gain']
    for name, ids in (('even', E), ('odd', O), ('all', ALL)):
        export(fit_lgb(mats, ids), f'{out}/ranking-model-s8-{name}.json')
    tl.FEATS = keep
    print('models written to', out)

if __name__ == '__main__':
    groups = sys.argv[1:] or ['errors']
    if groups not in (['errors'], ['expandseeds'], ['export']): reference()
    for g in groups: globals()['g_' + g]()
