"""Session 7 trial (not ported): does training the reranker on real claims plus self-supervised pseudo-claims
(pseudo_claims.py, features by pseudo_features.py) help claims citing records no training claim cites?
Ported feature set (23 features, 200 trees, 7 leaves, LightGBM seed 0), scored with the grouped 5-fold
cross-fit (no shared cited record between folds) and the even/odd cross-fit. The pseudo-claims come from
records no training claim cites, so the same pseudo set can join every training fold.

    SCIFACT_WORK=/tmp/sfw8/real PSEUDO_MAT=/tmp/sfw8/pw/pseudo_mat.pkl python3 scripts/scifact-replica/trial_pseudo.py [seed1]"""
import trial_session7 as t7
from trial_session7 import *
import pickle

PM = pickle.load(open(os.environ.get('PSEUDO_MAT', '/tmp/sfw8/pw/pseudo_mat.pkl'), 'rb'))
PIDS = sorted(PM)
rng0 = np.random.default_rng(0); PERM = list(rng0.permutation(PIDS))
POS = [i for i in PERM if PM[i][1].sum() > 0]          # pseudo-claims whose record is among the candidates
_LEN = {json.loads(l)['id']: len(json.loads(l)['claim'].split()) for l in open(os.environ.get('PSEUDO_CLAIMS', '/tmp/sfw8/psf/claims_train.jsonl'))}
SHORT = [i for i in POS if _LEN[i] <= 16]              # as short as most SciFact claims (median 12 words)

def train_mix(ids, n_pseudo, w, params=PARAMS, rounds=200, pool=None):
    ids = [i for i in ids if MAT[i] is not None]
    ps = (pool or POS)[:n_pseudo]
    Xs = [MAT[i][0] for i in ids] + [PM[i][0] for i in ps]
    ys = [MAT[i][1] for i in ids] + [PM[i][1] for i in ps]
    g = [len(y) for y in ys]
    wt = np.concatenate([np.ones(len(MAT[i][1])) for i in ids] + [np.full(len(PM[i][1]), w) for i in ps]) if ps else None
    return lgb.train(params, lgb.Dataset(np.vstack(Xs), np.concatenate(ys), group=g, weight=wt), num_boost_round=rounds)

def crossfit_mix(n, w, **kw):
    pred = {}
    for test, tr in ((E, O), (O, E)):
        m = train_mix(tr, n, w, **kw)
        for i in test: pred[i] = ndcg_of_scores(i, m.predict(MAT[i][0])) if MAT[i] is not None else 0.0
    return pred

def grouped_mix(n, w, seed=0, **kw):
    parts = record_groups(5, seed); pred = {}
    for f in range(5):
        tr = [i for j in range(5) if j != f for i in parts[j]]
        m = train_mix(tr, n, w, **kw)
        for i in parts[f]: pred[i] = ndcg_of_scores(i, m.predict(MAT[i][0])) if MAT[i] is not None else 0.0
    return pred

def alone(n, **kw):
    m = train_mix([], n, 1.0, **kw)
    return {i: ndcg_of_scores(i, m.predict(MAT[i][0])) if MAT[i] is not None else 0.0 for i in ALL}

def fold_seed1():
    """The best grouped rows again with fold seed 1 (`trial_pseudo.py seed1`)."""
    with_features(CHOSEN, 'raw'); t7.BASE_PER = None
    GB = report('grouped fold seed 1: no pseudo', grouped_mix(0, 1.0, seed=1))
    t7.BASE_PER = GB; report('grouped fold seed 1: + 2000 pseudo, weight 1.0', grouped_mix(2000, 1.0, seed=1))
    t7.BASE_PER = GB; report('grouped fold seed 1: + 500 pseudo, weight 0.3', grouped_mix(500, 0.3, seed=1))

if __name__ == '__main__' and sys.argv[1:] == ['seed1']:
    fold_seed1()
elif __name__ == '__main__':
    print(f'{len(PM)} pseudo-claims, {len(POS)} with their record among the candidates', flush=True)
    with_features(CHOSEN, 'raw')
    lin = {i: ndcg_of_scores(i, DATA[i]['base']) if len(DATA[i]['ds']) else 0 for i in ALL}
    t7.BASE_PER = None
    report('linear ranking', lin)
    configs = [(0, 1.0), (500, 1.0), (500, 0.3), (2000, 1.0), (2000, 0.3), (2000, 0.1)]
    for n, w in configs:
        t7.BASE_PER = None
        if n == 0:
            GB = report('grouped: ported set, no pseudo (reference)', grouped_mix(0, 1.0)); EB = report('even/odd: ported set, no pseudo (reference)', crossfit_mix(0, 1.0))
            continue
        t7.BASE_PER = GB; report(f'grouped: + {n} pseudo, weight {w}', grouped_mix(n, w))
        t7.BASE_PER = EB; report(f'even/odd: + {n} pseudo, weight {w}', crossfit_mix(n, w))
    print(f'{len(SHORT)} short pseudo-claims (<= 16 words)', flush=True)
    for w in (1.0, 0.3):
        t7.BASE_PER = GB; report(f'grouped: + {len(SHORT)} short pseudo, weight {w}', grouped_mix(len(SHORT), w, pool=SHORT))
        t7.BASE_PER = EB; report(f'even/odd: + {len(SHORT)} short pseudo, weight {w}', crossfit_mix(len(SHORT), w, pool=SHORT))
    for n in (500, 2000, len(POS)):
        t7.BASE_PER = GB; report(f'pseudo-claims alone ({n}), against grouped reference', alone(n))
    t7.BASE_PER = GB; report(f'short pseudo-claims alone ({len(SHORT)}), against grouped reference', alone(len(SHORT), pool=SHORT))
