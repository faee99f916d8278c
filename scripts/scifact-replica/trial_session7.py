"""Session 7 trials over the session-6 reranker (trial_lambdarank.py, 19 features, 200 trees, 7 leaves):
variance reduction (seed / claim-bootstrap ensembles, learning rate, leaf size), within-claim normalised
features, other first-stage scorers and sub-word matching as extra reranker features (s7_features.py).
Cross-fitted: the even-numbered claims are scored by a model trained on the odd ones and the reverse.
Each row prints even / odd / all nDCG@10 and a paired bootstrap (10,000 resamples over the 809 claims)
of the difference to the base reranker replicated here.

Since most of the even/odd gain can come from records cited by claims of both halves, `grouped` and
`grouped2` cross-fit over 5 folds that share no cited record, and `leak` splits the figures by that.
`export` writes the ported model (23 features, RankingModel.featureNames) trained on each half and on all.

    python3 scripts/scifact-replica/trial_session7.py [group ...]
    # groups: var norm scorers subword combo prf prf2 chosen more trees leak grouped grouped2 export"""
from trial_lambdarank import *
from s7_features import S7
from s7_features2 import S7B
from s7_features3 import S7C
from s7_features4 import S7D
for _c in S7: S7[_c].update(S7B.get(_c, {})); S7[_c].update(S7C.get(_c, {})); S7[_c].update(S7D.get(_c, {}))
import sys

E = [c['id'] for c in EVEN]; O = [c['id'] for c in ODD]; ALL = E + O
BASE_MAT = {i: MAT[i] for i in MAT}

def extra_matrix(cid, names, norm):
    """Extra columns for one claim: each S7 feature raw ('raw'), over the claim's max ('max'), or both with its rank."""
    X, y = BASE_MAT[cid]; cols = []
    for nm in names:
        if nm.startswith('@'):                      # within-claim normalised version of a base feature
            f = X[:, FEATS.index(nm[1:])]
        else:
            f = S7[cid][nm]
        if norm in ('raw', 'all'): cols.append(f)
        if norm in ('max', 'all'): cols.append(f / f.max() if f.max() > 0 else np.zeros_like(f))
        if norm in ('rank', 'all'): cols.append(np.argsort(np.argsort(-f, kind='stable'), kind='stable').astype(float))
        if norm == 'diff': cols.append(f - f.max())
        if norm == 'rankdiff':
            cols.append(np.argsort(np.argsort(-f, kind='stable'), kind='stable').astype(float)); cols.append(f - f.max())
    return np.column_stack([X] + cols) if cols else X

def with_features(names, norm='max'):
    for cid in DATA:
        if BASE_MAT[cid] is None: continue
        MAT[cid] = (extra_matrix(cid, names, norm), BASE_MAT[cid][1])

def train_any(ids, params, rounds, rng=None):
    if rng is not None:                              # bootstrap sample of claims
        ids = list(rng.choice(ids, len(ids), replace=True))
    ids = [i for i in ids if MAT[i] is not None]
    X = np.vstack([MAT[i][0] for i in ids]); y = np.concatenate([MAT[i][1] for i in ids]); g = [len(MAT[i][1]) for i in ids]
    return lgb.train(params, lgb.Dataset(X, y, group=g), num_boost_round=rounds)

def crossfit(params=PARAMS, rounds=200, seeds=(0,), bag=False, combine='score'):
    pred = {}
    for test, tr in ((E, O), (O, E)):
        acc = {i: np.zeros(len(MAT[i][1])) if MAT[i] is not None else np.zeros(0) for i in test}
        for s in seeds:
            m = train_any(tr, dict(params, seed=s), rounds, np.random.default_rng(1000 + s) if bag else None)
            for i in test:
                if MAT[i] is None: continue
                p = m.predict(MAT[i][0])
                if combine == 'rank':
                    p = -np.argsort(np.argsort(-p, kind='stable'), kind='stable').astype(float)
                acc[i] += p / len(seeds)
        pred.update(acc)
    return {i: ndcg_of_scores(i, pred[i]) if len(pred[i]) else 0.0 for i in ALL}

RESULTS = []
BASE_PER = None

def report(label, per):
    ev = np.mean([per[i] for i in E]); od = np.mean([per[i] for i in O]); al = np.mean([per[i] for i in ALL])
    line = f'{label:<70} even {ev:.4f} odd {od:.4f} all {al:.4f}'
    if BASE_PER is not None:
        m, lo, hi = bootstrap(per, BASE_PER)
        de = np.mean([per[i] - BASE_PER[i] for i in E]); do = np.mean([per[i] - BASE_PER[i] for i in O])
        line += f'  Δ {de:+.4f} / {do:+.4f} / {m:+.4f} [{lo:+.4f}, {hi:+.4f}]'
    print(line, flush=True); RESULTS.append((label, ev, od, al))
    return per

def base():
    global BASE_PER
    with_features([])
    BASE_PER = report('base reranker (19 features, 200 x 7 leaves, seed 0)', crossfit())

def g_var():
    with_features([])
    report('seeds 0-4 averaged (scores)', crossfit(seeds=range(5)))
    report('seeds 0-9 averaged (scores)', crossfit(seeds=range(10)))
    report('seeds 0-9 averaged (ranks)', crossfit(seeds=range(10), combine='rank'))
    report('claim bootstrap x 10, averaged', crossfit(seeds=range(10), bag=True))
    report('learning rate 0.025, 400 trees', crossfit(rounds=400, params=dict(PARAMS, learning_rate=0.025)))
    report('learning rate 0.025, 400 trees, seeds 0-4', crossfit(rounds=400, params=dict(PARAMS, learning_rate=0.025), seeds=range(5)))
    report('learning rate 0.1, 100 trees', crossfit(rounds=100, params=dict(PARAMS, learning_rate=0.1)))
    for mdl in (20, 100, 200):
        report(f'min_data_in_leaf {mdl}', crossfit(params=dict(PARAMS, min_data_in_leaf=mdl)))
    report('no row/feature sampling (bagging 1, features 1)', crossfit(params=dict(PARAMS, bagging_fraction=1.0, bagging_freq=0, feature_fraction=1.0)))
    report('truncation level 10', crossfit(params=dict(PARAMS, lambdarank_truncation_level=10)))
    report('truncation level 40', crossfit(params=dict(PARAMS, lambdarank_truncation_level=40)))
    report('300 trees', crossfit(rounds=300))
    report('lambda_l2 10', crossfit(params=dict(PARAMS, lambda_l2=10.0)))

NORM_BASE = ['@bm', '@rec', '@sent', '@tit', '@sent2', '@pairs', '@cand_df_w', '@dlen']

def g_norm():
    for norm in ('rank', 'diff', 'rankdiff'):
        with_features(NORM_BASE, norm); report(f'within-claim {norm} of bm rec sent tit sent2 pairs cand_df_w dlen', crossfit())
    with_features(['@bm', '@sent', '@tit'], 'rank'); report('within-claim rank of bm sent tit', crossfit())

SCORERS = ['ql', 'pl2', 'bm_k09b04', 'bm_k2b075', 'bm_k12b03', 'bm_title', 'bm_abs', 'bm_sent', 'bm_win2', 'bm_win3']

def g_scorers():
    for nm in SCORERS:
        with_features([nm], 'max'); report(f'+ {nm} (over the claim max)', crossfit())
    with_features(['bm_sent'], 'all'); report('+ bm_sent raw, over max, rank', crossfit())
    with_features(['span_ratio', 'span_log'], 'raw'); report('+ proximity: matched stems / shortest window, log window', crossfit())
    with_features(['win20'], 'raw'); report('+ best 20-token window coverage', crossfit())
    with_features(['best_pos', 'best_is_title', 'best_is_last'], 'raw'); report('+ best-sentence position (relative, title, last)', crossfit())
    with_features(SCORERS, 'max'); report('+ all ten scorers (over max)', crossfit())
    with_features(['ql', 'pl2', 'bm_sent', 'bm_win2', 'bm_title', 'bm_abs'], 'max'); report('+ ql pl2 bm_sent bm_win2 bm_title bm_abs', crossfit())

def g_subword():
    with_features(['prefix_gain'], 'raw'); report('+ 5-char prefix gain (missing stems matched by prefix)', crossfit())
    with_features(['contain_gain'], 'raw'); report('+ containment gain (missing claim token inside a record token or reverse)', crossfit())
    with_features(['prefix_cov'], 'raw'); report('+ prefix coverage (prefix IDF)', crossfit())
    with_features(['prefix_gain', 'contain_gain', 'prefix_cov'], 'raw'); report('+ all three sub-word', crossfit())


def bagged(label, names=(), norm='max', rounds=200, params=PARAMS, k=10):
    with_features(list(names), norm)
    return report(label, crossfit(params=params, rounds=rounds, seeds=range(k), bag=True))

def g_combo():
    bagged('bag x10 + bm_win2', ['bm_win2'])
    bagged('bag x10 + ql', ['ql'])
    bagged('bag x10 + ql pl2 bm_sent bm_win2 bm_title bm_abs', ['ql', 'pl2', 'bm_sent', 'bm_win2', 'bm_title', 'bm_abs'])
    bagged('bag x10 + bm_win2 ql bm_abs', ['bm_win2', 'ql', 'bm_abs'])
    bagged('bag x10 + within-claim rankdiff', NORM_BASE, 'rankdiff')
    bagged('bag x10 + proximity', ['span_ratio', 'span_log'], 'raw')
    bagged('bag x10 + sub-word three', ['prefix_gain', 'contain_gain', 'prefix_cov'], 'raw')
    bagged('bag x10, lr 0.025 400 trees', [], rounds=400, params=dict(PARAMS, learning_rate=0.025))

def g_prf():
    with_features(['cos_top1', 'cos_top3'], 'raw'); report('+ tf-idf cosine to the top linear candidate / mean to top 3', crossfit())
    with_features(['nbr3'], 'raw'); report('+ neighbour score (3 nearest of the top 20, cosine x linear score)', crossfit())
    with_features(['tit_prec', 'tit_prec_idf'], 'raw'); report('+ title precision (share of title stems in the claim; plain, IDF)', crossfit())
    with_features(['tit_prec', 'tit_len'], 'raw'); report('+ title precision, title length', crossfit())
    with_features(['cos_top1', 'cos_top3', 'nbr3', 'tit_prec', 'tit_prec_idf'], 'raw'); report('+ all five', crossfit())

PRF_CORPUS = ['cos_top1', 'cos_top3', 'nbr3']
PRF_LOCAL = ['cos_top1L', 'cos_top3L', 'nbr3L']
PRF_ALL = ['cos_top1A', 'cos_top3A', 'nbr3A']

def g_prf2():
    with_features(PRF_CORPUS, 'raw'); report('+ cos_top1 cos_top3 nbr3 (corpus IDF, stop list)', crossfit())
    with_features(PRF_LOCAL, 'raw'); report('+ same, IDF from the 100 candidates, stop list', crossfit())
    with_features(PRF_ALL, 'raw'); report('+ same, IDF from the 100 candidates, every stem', crossfit())
    with_features(['cos_top1L', 'cos_top3L'], 'raw'); report('+ cos_top1 cos_top3 (candidate IDF, stop list)', crossfit())
    with_features(PRF_LOCAL + ['tit_prec'], 'raw'); report('+ candidate-IDF three + title precision (plain)', crossfit())
    with_features(PRF_ALL + ['tit_prec'], 'raw'); report('+ candidate-IDF (every stem) three + title precision (plain)', crossfit())
    with_features(PRF_CORPUS + ['tit_prec', 'tit_prec_idf'], 'raw'); report('+ corpus-IDF three + both title precisions', crossfit())

def _title_precision():
    """Share of the title's unique content stems that are the claim's (as ported)."""
    for cid, d in DATA.items():
        if not len(d['ds']): continue
        qs = set(s for s, _ in d['q'])
        v = []
        for x in d['ds']:
            t = [s for s, _ in qstems_with_words(docs[x][0])]
            v.append(len([s for s in t if s in qs]) / len(t) if t else 0.0)
        S7[cid]['tit_precU'] = np.array(v)
_title_precision()
CHOSEN = PRF_ALL + ['tit_precU']

def g_chosen():
    with_features(CHOSEN, 'raw'); report('+ candidate-IDF (every stem) three + title precision (unique stems)', crossfit())
    for sd in (1, 2):
        with_features([]); b = crossfit(seeds=(sd,))
        with_features(CHOSEN, 'raw'); c = crossfit(seeds=(sd,))
        report(f'   base, seed {sd}', b); report(f'   chosen, seed {sd}', c)
    with_features(['tit_precU'], 'raw'); report('+ title precision (unique stems) alone', crossfit())
    with_features(CHOSEN, 'raw'); report('+ chosen, seeds 0-4 averaged', crossfit(seeds=range(5)))
    with_features(CHOSEN + ['bm_win2', 'ql'], 'raw'); report('+ chosen + bm_win2 + ql (raw)', crossfit())
    with_features(CHOSEN + ['tit_prec_idf'], 'raw'); report('+ chosen + title precision (corpus IDF)', crossfit())

PORTED = FEATS + ['cos_top1', 'cos_top3', 'nbr3', 'tit_prec']

def g_export(out=None):
    """The chosen features as ported (RankingModel.featureNames): models trained on the even half, the odd
    half and all 809 claims, in the format evidence reads (trial_lambdarank.export)."""
    import trial_lambdarank as tl
    out = out or WORK
    with_features(CHOSEN, 'raw')
    tl.FEATS = PORTED
    for name, ids in (('even', E), ('odd', O), ('all', ALL)):
        export(train_any(ids, PARAMS, 200), f'{out}/ranking-model-s7-{name}.json')
    tl.FEATS = FEATS
    print('models written to', out)

def g_more():
    """Additions over the ported set; Δ against the ported set (not the session-6 reranker)."""
    global BASE_PER
    with_features(CHOSEN, 'raw'); BASE_PER = report('ported set (reference for the rows below)', crossfit())
    for extra in (['cos_claim'], ['cos_max3', 'cos_max5'], ['cos_top5', 'cos_top10'], ['nbr3_10'], ['tcos_top1', 'tcos_top3'],
                  ['bm_win2'], ['ql'], ['bm_abs'], ['contain_gain'], ['span_ratio', 'span_log'], ['tit_prec_idf']):
        with_features(CHOSEN + extra, 'raw'); report('ported + ' + ' '.join(extra), crossfit())
    with_features(CHOSEN + NORM_BASE, 'raw'); report('ported + raw copies (control: same features twice)', crossfit())

def crossfit_rounds(rounds, params=PARAMS, seed=0):
    """Cross-fitted per-claim nDCG@10 for several tree counts from one model per half (predict with the first k trees)."""
    out = {k: {} for k in rounds}
    for test, tr in ((E, O), (O, E)):
        m = train_any(tr, dict(params, seed=seed), max(rounds))
        for i in test:
            for k in rounds:
                out[k][i] = ndcg_of_scores(i, m.predict(MAT[i][0], num_iteration=k)) if MAT[i] is not None else 0.0
    return out

def inner_rounds(ids, rounds, params=PARAMS, folds=5, seed=0):
    """Tree count with the best 5-fold CV nDCG@10 inside ids."""
    perm = np.random.default_rng(seed).permutation(ids); parts = [list(perm[k::folds]) for k in range(folds)]
    per = {k: [] for k in rounds}
    for f in range(folds):
        tr = [i for j in range(folds) if j != f for i in parts[j]]
        m = train_any(tr, params, max(rounds))
        for k in rounds:
            per[k] += [ndcg_of_scores(i, m.predict(MAT[i][0], num_iteration=k)) for i in parts[f] if MAT[i] is not None]
    means = {k: np.mean(v) for k, v in per.items()}
    print('   inner CV:', ' '.join(f'{k}: {v:.4f}' for k, v in means.items()), flush=True)
    return max(means, key=means.get)

ROUNDS = (200, 300, 400, 600, 800, 1000, 1500)

def g_trees():
    for feats, name in (([], '19 features'), (CHOSEN, 'ported set')):
        with_features(feats, 'raw')
        res = crossfit_rounds(ROUNDS)
        for k in ROUNDS: report(f'{name}, {k} trees', res[k])
    with_features(CHOSEN, 'raw')
    print('tree count chosen by 5-fold CV inside each training half (ported set):')
    ke = inner_rounds(E, ROUNDS); ko = inner_rounds(O, ROUNDS)
    print(f'   even half picks {ke}, odd half picks {ko}')

def shared_split():
    """Claims whose cited records are also cited by a claim of the other half (the training half)."""
    cited = {h: set() for h in 'eo'}
    for c in claims: cited['e' if c['id'] % 2 == 0 else 'o'].update(map(str, c['cited_doc_ids']))
    shared = {c['id'] for c in claims if set(map(str, c['cited_doc_ids'])) & cited['o' if c['id'] % 2 == 0 else 'e']}
    return shared

def g_leak():
    """Does the gain come from records cited by training claims (paraphrased claims across the halves)?"""
    sh = shared_split(); un = [i for i in ALL if i not in sh]
    print(f'claims whose cited records are cited in the other half: {len(sh)} of {len(ALL)}')
    def split(label, per):
        a = np.mean([per[i] for i in sh]); b = np.mean([per[i] for i in un])
        ba = np.mean([BASE_PER[i] for i in sh]); bb = np.mean([BASE_PER[i] for i in un])
        print(f'{label:<45} shared {a:.4f} ({a - ba:+.4f})  unshared {b:.4f} ({b - bb:+.4f})', flush=True)
    lin = {i: ndcg_of_scores(i, DATA[i]['base']) if len(DATA[i]['ds']) else 0 for i in ALL}
    split('linear ranking', lin)
    split('19 features, 200 trees (reference)', BASE_PER)
    with_features([], 'raw'); r = crossfit_rounds((1000,)); split('19 features, 1000 trees', r[1000])
    with_features(CHOSEN, 'raw'); r = crossfit_rounds((200, 1000)); split('ported set, 200 trees', r[200]); split('ported set, 1000 trees', r[1000])
    # without record length (a record identifier, in effect, for many trees)
    global BASE_MAT
    keep = BASE_MAT
    BASE_MAT = {i: (None if v is None else (np.delete(v[0], FEATS.index('dlen'), axis=1), v[1])) for i, v in keep.items()}
    with_features([], 'raw'); r = crossfit_rounds((200, 1000)); split('19 - dlen, 200 trees', r[200]); split('19 - dlen, 1000 trees', r[1000])
    with_features(CHOSEN, 'raw'); r = crossfit_rounds((200, 1000)); split('ported - dlen, 200 trees', r[200]); split('ported - dlen, 1000 trees', r[1000])
    report('ported - dlen, 200 trees', r[200]); report('ported - dlen, 1000 trees', r[1000])
    BASE_MAT = keep

def record_groups(folds=5, seed=0):
    """Folds of claims such that no record cited by a claim of one fold is cited by a claim of another:
    claims linked by a shared cited record (connected components) stay together."""
    parent = {c['id']: c['id'] for c in claims}
    def find(x):
        while parent[x] != x: parent[x] = parent[parent[x]]; x = parent[x]
        return x
    by_doc = collections.defaultdict(list)
    for c in claims:
        for d in c['cited_doc_ids']: by_doc[d].append(c['id'])
    for ids in by_doc.values():
        for i in ids[1:]: parent[find(i)] = find(ids[0])
    comps = collections.defaultdict(list)
    for c in claims: comps[find(c['id'])].append(c['id'])
    comps = list(comps.values()); rng = np.random.default_rng(seed); rng.shuffle(comps)
    comps.sort(key=len, reverse=True)
    out = [[] for _ in range(folds)]
    for comp in comps: min(out, key=len).extend(comp)
    return out

def grouped(params=PARAMS, rounds=200, folds=5, seed=0):
    """Per-claim nDCG@10, each fold scored by a model trained on the other folds (no shared cited records)."""
    parts = record_groups(folds, seed); pred = {}
    for f in range(folds):
        tr = [i for j in range(folds) if j != f for i in parts[j]]
        m = train_any(tr, dict(params, seed=0), rounds)
        for i in parts[f]:
            pred[i] = ndcg_of_scores(i, m.predict(MAT[i][0])) if MAT[i] is not None else 0.0
    return pred

def g_grouped():
    """The same comparisons with folds that share no cited record (a held-back set citing other records)."""
    global BASE_PER, BASE_MAT
    parts = record_groups()
    print('grouped folds (claims):', [len(p) for p in parts])
    lin = {i: ndcg_of_scores(i, DATA[i]['base']) if len(DATA[i]['ds']) else 0 for i in ALL}
    with_features([], 'raw'); BASE_PER = report('grouped 5-fold: 19 features, 200 trees (reference)', grouped())
    report('linear ranking', lin)
    for seed in (1,):
        with_features([], 'raw'); report(f'grouped 5-fold (fold seed {seed}): 19 features', grouped(seed=seed))
        with_features(CHOSEN, 'raw'); report(f'grouped 5-fold (fold seed {seed}): ported set', grouped(seed=seed))
    with_features(CHOSEN, 'raw'); report('ported set', grouped())
    with_features(CHOSEN, 'raw'); report('ported set, 1000 trees', grouped(rounds=1000))
    with_features(PRF_ALL, 'raw'); report('similarity three only', grouped())
    with_features(['tit_precU'], 'raw'); report('title precision only', grouped())
    for extra in (['bm_win2'], ['ql'], ['ql', 'pl2', 'bm_sent', 'bm_win2', 'bm_title', 'bm_abs'], ['prefix_gain', 'contain_gain', 'prefix_cov'],
                  ['span_ratio', 'span_log'], ['cos_claim']):
        with_features(extra, 'raw'); report('+ ' + ' '.join(extra), grouped())
    keep = BASE_MAT
    BASE_MAT = {i: (None if v is None else (np.delete(v[0], FEATS.index('dlen'), axis=1), v[1])) for i, v in keep.items()}
    with_features([], 'raw'); report('19 features without record length', grouped())
    with_features(CHOSEN, 'raw'); report('ported set without record length', grouped())
    BASE_MAT = keep

def g_grouped2():
    """Over the ported set, with folds sharing no cited record; Δ against the ported set."""
    global BASE_PER
    with_features(CHOSEN, 'raw'); BASE_PER = report('grouped 5-fold: ported set (reference)', grouped())
    for extra in (['prefix_gain', 'contain_gain', 'prefix_cov'], ['ql'], ['tit_prec_idf'], ['nbr3_10'], ['cos_claim']):
        with_features(CHOSEN + extra, 'raw'); report('ported + ' + ' '.join(extra), grouped())
    with_features(CHOSEN, 'raw')
    for label, params, rounds in (('100 trees', PARAMS, 100), ('300 trees', PARAMS, 300), ('min_data_in_leaf 100', dict(PARAMS, min_data_in_leaf=100), 200),
                                  ('min_data_in_leaf 200', dict(PARAMS, min_data_in_leaf=200), 200), ('3 leaves (depth 2), 300 trees', dict(PARAMS, num_leaves=3, max_depth=2), 300)):
        report('ported set, ' + label, grouped(params=params, rounds=rounds))

if __name__ == '__main__':
    groups = sys.argv[1:] or ['var', 'norm', 'scorers', 'subword']
    base()
    for g in groups: globals()['g_' + g]()
