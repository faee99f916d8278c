"""Session 6 trial: nonlinear learning to rank (LightGBM lambdarank, depth <= 3, <= 200 trees) over
evidence's features plus query-level features (claim length, score gap between ranks 1 and 2, how many
candidates cover >= 80% of the claim, ...). Trained on one half and scored on the other (both ways),
and 5-fold cross-validation over all 809 claims (mean and spread over 5 seeds of the fold split)."""
from ltr_data import *
import lightgbm as lgb, sys

FEATS = ['base', 'base_rank', 'bm', 'rec', 'sent', 'tit', 'pairs', 'rec_u', 'missing', 'max_idf_missing',
         'dlen', 'sent2', 'q_len', 'q_gap', 'q_n80', 'q_meanidf', 'q_top_rec', 'rec_minus_top', 'cand_df_w']

def claim_matrix(cid):
    d = DATA[cid]; q = d['q']; n = len(d['ds'])
    if not n: return None
    ids = np.array([idf(s) for s, _ in q]) if q else np.zeros(0); T = ids.sum() or 1
    base = d['base']; rank = np.arange(n, dtype=float)  # position in evidence's ranking
    rec = d['rec'] @ ids / T if q else np.zeros(n)
    sent = np.array([(m @ ids).max() / T if len(m) and q else 0 for m in d['sm']])
    # best two adjacent sentences
    sent2 = np.array([max([((np.maximum(m[i], m[i + 1])) @ ids) / T for i in range(len(m) - 1)] or [0]) if q else 0 for m in d['sm']])
    tit = d['tit'] @ ids / T if q else np.zeros(n)
    pairs = np.array([np.mean(b) if b else 0 for b in d['bigr']])
    rec_u = d['rec'].mean(1) if q else np.zeros(n)
    miss = (1 - d['rec']) if q else np.zeros((n, 0))
    missing = miss.sum(1) if q else np.zeros(n)
    maxmiss = (miss * ids).max(1) if q else np.zeros(n)
    bm = FTSBM[cid]  # FTS5 bm25 of the candidate (as evidence's retrieval score) over the best candidate's
    dl = np.array([len(dtok[x]) for x in d['ds']], float)
    cdf = d['rec'].mean(0) if q else np.zeros(0)
    # coverage with stems weighted by how rare they are among the candidates
    wc = ids * np.log(1 / (cdf + 0.05)) if q else np.zeros(0)
    cand_df_w = d['rec'] @ wc / (wc.sum() or 1) if q else np.zeros(n)
    sb = np.sort(base)[::-1]
    qf = [len(q), sb[0] - sb[1] if n > 1 else 0, float((rec >= 0.8).sum()), ids.mean() if q else 0, rec.max()]
    X = np.column_stack([base, rank, bm, rec, sent, tit, pairs, rec_u, missing, maxmiss, np.log1p(dl), sent2,
                         *[np.full(n, v) for v in qf], rec - rec.max(), cand_df_w])
    y = np.array([1 if x in d['rel'] else 0 for x in d['ds']])
    return X, y

def fts_bm25():
    """FTS5 bm25 (title + abstract, weights 1, 1) of each candidate for the claim's words, over the best."""
    path = WORK + '/ftsbm.pkl'
    if os.path.exists(path): return pickle.load(open(path, 'rb'))
    c = build_fts(); out = {}
    for cl in claims:
        r = dict(bm25(c, toks(cl['claim']), 100)); d = DATA[cl['id']]
        v = np.array([r.get(x, 0.0) for x in d['ds']]); out[cl['id']] = v / max(v.max(), 1e-9) if len(v) else v
    pickle.dump(out, open(path, 'wb'))
    return out

FTSBM = fts_bm25()
MAT = {cid: claim_matrix(cid) for cid in DATA}

def stack(ids):
    ids = [i for i in ids if MAT[i] is not None]
    X = np.vstack([MAT[i][0] for i in ids]); y = np.concatenate([MAT[i][1] for i in ids])
    g = [len(MAT[i][1]) for i in ids]
    return X, y, g

def train(ids, params, rounds):
    X, y, g = stack(ids)
    ds = lgb.Dataset(X, y, group=g, feature_name=FEATS)
    return lgb.train(params, ds, num_boost_round=rounds)

def predict(model, ids):
    return {i: (model.predict(MAT[i][0]) if MAT[i] is not None else np.zeros(0)) for i in ids}

def score(pred, ids):
    return np.mean([ndcg_of_scores(i, pred[i]) if len(pred[i]) else 0 for i in ids])

PARAMS = dict(objective='lambdarank', metric='ndcg', eval_at=[10], max_depth=3, num_leaves=7, learning_rate=0.05,
              min_data_in_leaf=50, feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambdarank_truncation_level=20,
              num_threads=1, verbose=-1, seed=0)

def export(model, path):
    """The model as evidence reads it: per tree, parallel node arrays (feature -1 = leaf, value = leaf output);
    a sample goes left when feature value <= threshold."""
    trees = []
    for t in model.dump_model()['tree_info']:
        f, th, l, r, v = [], [], [], [], []
        def walk(node):
            k = len(f); f.append(-1); th.append(0.0); l.append(-1); r.append(-1); v.append(0.0)
            if 'leaf_value' in node:
                v[k] = node['leaf_value']; return k
            assert node['decision_type'] == '<=' and not node.get('missing_type', 'None') not in ('None',)
            f[k] = node['split_feature']; th[k] = node['threshold']
            l[k] = walk(node['left_child']); r[k] = walk(node['right_child'])
            return k
        walk(t['tree_structure'])
        trees.append(dict(feature=f, threshold=th, left=l, right=r, value=v))
    json.dump(dict(features=FEATS, trees=trees), open(path, 'w'))

CONFIGS = [(r, l, dp) for r in (100, 200) for l, dp in ((3, 2), (7, 3))]

def inner_cv(ids, seed=0):
    """The configuration with the best 5-fold CV nDCG@10 within ids."""
    perm = np.random.default_rng(seed).permutation(ids); folds = [list(perm[k::5]) for k in range(5)]
    best = None
    for rounds, leaves, depth in CONFIGS:
        p = dict(PARAMS, num_leaves=leaves, max_depth=depth); pred = {}
        for k in range(5):
            tr = [i for j in range(5) if j != k for i in folds[j]]
            pred.update(predict(train(tr, p, rounds), folds[k]))
        s = score(pred, list(ids))
        print(f'   inner CV rounds {rounds} leaves {leaves}: {s:.4f}', flush=True)
        if best is None or s > best[0]: best = (s, rounds, leaves, depth)
    return best[1:]

if __name__ == '__main__':
    E = [c['id'] for c in EVEN]; O = [c['id'] for c in ODD]; ALL = E + O
    B = {i: DATA[i]['base'] for i in ALL}
    print(f'base even {score(B, E):.4f} odd {score(B, O):.4f} all {score(B, ALL):.4f}')
    for rounds, leaves, depth in CONFIGS:
        p = dict(PARAMS, num_leaves=leaves, max_depth=depth)
        pe = predict(train(O, p, rounds), E); po = predict(train(E, p, rounds), O)
        print(f'rounds {rounds} leaves {leaves} depth {depth}: even (trained on odd) {score(pe, E):.4f} odd (trained on even) {score(po, O):.4f}', flush=True)
    print('configuration chosen by 5-fold CV within the even half:'); ce = inner_cv(E); print('  ', ce)
    print('configuration chosen by 5-fold CV within the odd half:'); co = inner_cv(O); print('  ', co)
    pe = predict(train(O, dict(PARAMS, num_leaves=co[1], max_depth=co[2]), co[0]), E)
    po = predict(train(E, dict(PARAMS, num_leaves=ce[1], max_depth=ce[2]), ce[0]), O)
    print(f'chosen: even (odd-trained, odd-chosen) {score(pe, E):.4f} odd (even-trained, even-chosen) {score(po, O):.4f}')
    P = {**pe, **po}
    per_m = {i: ndcg_of_scores(i, P[i]) if len(P[i]) else 0 for i in ALL}; per_b = {i: ndcg_of_scores(i, B[i]) if len(B[i]) else 0 for i in ALL}
    for name, ids in (('even', E), ('odd', O), ('all', ALL)):
        m, lo, hi = bootstrap({i: per_m[i] for i in ids}, {i: per_b[i] for i in ids})
        print(f'paired bootstrap {name}: difference {m:+.4f}, 95% interval [{lo:+.4f}, {hi:+.4f}]')
    rounds, leaves, depth = ce
    p = dict(PARAMS, num_leaves=leaves, max_depth=depth)
    gains = []
    for seed in range(5):
        perm = np.random.default_rng(seed).permutation(ALL); folds = [list(perm[k::5]) for k in range(5)]
        pred = {}
        for k in range(5):
            tr = [i for j in range(5) if j != k for i in folds[j]]
            pred.update(predict(train(tr, p, rounds), folds[k]))
        gains.append(score(pred, ALL))
    print(f'5-fold CV (5 splits), rounds {rounds} leaves {leaves}: mean {np.mean(gains):.4f} sd {np.std(gains):.4f} '
          f'(min {min(gains):.4f}, max {max(gains):.4f}) vs base {score(B, ALL):.4f}', flush=True)
    out = sys.argv[1] if len(sys.argv) > 1 else WORK
    export(train(E, p, rounds), out + '/ranking-model-even.json')
    export(train(O, p, rounds), out + '/ranking-model-odd.json')
    export(train(ALL, p, rounds), out + '/ranking-model-all.json')
    print('models written to', out)
