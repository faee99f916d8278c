"""Session 9: which held-out protocol matches a further SciFact claim set, and the 25-feature reranker
(session 8's built-in feature set) under random claim-level cross-fits.

    SCIFACT_WORK=/tmp/sfw8c python3 scripts/scifact-replica/trial_session9.py [ids] [random]

`ids`: how the training claims' ids interleave with the ids missing from the file (SciFact's other
splits), and whether claims next to each other in id cite the same record.
`random`: 5-fold cross-fits over claims drawn at random (fold seeds 0-4), the even/odd split and the
grouped cross-fit (no shared cited record), each against plain bm25 and the linear ranking, with paired
bootstrap intervals."""
import sys
_argv = sys.argv; sys.argv = sys.argv[:1]
import trial_session8 as t8
from trial_session8 import *
sys.argv = _argv

def g_ids():
    by = {c['id']: set(map(str, c['cited_doc_ids'])) for c in claims}
    ids = sorted(by); present = set(ids); top = ids[-1]
    missing = [i for i in range(top + 1) if i not in present]
    print(f'training claim ids 0..{top}: {len(ids)} present, {len(missing)} missing ({len(missing) / (top + 1):.1%})')
    for d in (1, 2, 3):
        pairs = [(i, i + d) for i in ids if i + d in present and all(i + k not in present for k in range(1, d))]
        share = sum(bool(by[a] & by[b]) for a, b in pairs)
        print(f'  next training claim {d} id(s) on: {len(pairs)} pairs, {share} cite a common record ({share / max(len(pairs), 1):.1%})')
    pairs = [i for i in ids if i + 2 in present and by[i] & by[i + 2]]
    gone = sum(i + 1 not in present for i in pairs)
    shares = sum(i + 1 in present and bool(by[i + 1] & by[i]) for i in pairs)
    print(f'  claims i, i+2 citing a common record: {len(pairs)}; the claim between is missing in {gone} ({gone / len(pairs):.1%},'
          f' base rate {len(missing) / (top + 1):.1%}), present and citing it too in {shares} of {len(pairs) - gone}')
    cited = collections.Counter(d for i in ids for d in by[i])
    shared = sum(any(cited[d] > 1 for d in by[i]) for i in ids)
    print(f'  claims citing a record another training claim cites: {shared} of {len(ids)}')

def bm25_per_claim():
    return {i: ndcg_of_scores(i, DATA[i]['bm'].sum(axis=1)) if len(DATA[i]['ds']) else 0.0 for i in ALL}

def random_folds(k, seed):
    ids = list(ALL); rng = np.random.default_rng(seed); rng.shuffle(ids)
    parts = [ids[f::k] for f in range(k)]
    return [([i for j in range(k) if j != f for i in parts[j]], parts[f]) for f in range(k)]

def g_random():
    EX = with_cols(lambda i: expand_cols(i, 3))
    method = lgb_method(mats=EX)
    bm = bm25_per_claim(); lin = {i: ndcg_of_scores(i, DATA[i]['base']) if len(DATA[i]['ds']) else 0.0 for i in ALL}
    print(f'bm25 {np.mean([bm[i] for i in ALL]):.4f}   linear {np.mean([lin[i] for i in ALL]):.4f}', flush=True)
    def run(folds):
        per = {}
        for tr, te in folds:
            sc = method(tr, te)
            for i in te: per[i] = ndcg_of_scores(i, sc[i]) if i in sc and len(sc[i]) else 0.0
        return per
    def line(label, per):
        m, lo, hi = bootstrap(per, bm)
        ml, _, _ = bootstrap(per, lin)
        print(f'{label:<44} {np.mean([per[i] for i in ALL]):.4f}  vs bm25 {m:+.4f} [{lo:+.4f}, {hi:+.4f}]  vs linear {ml:+.4f}', flush=True)
        return m
    gains = []
    for s in range(5): gains.append(line(f'random 5-fold, fold seed {s} (train ~647)', run(random_folds(5, s))))
    print(f'  random 5-fold mean gain over bm25 {np.mean(gains):+.4f} (sd {np.std(gains):.4f})')
    gains = []
    for s in range(5): gains.append(line(f'random 2-fold, fold seed {s} (train ~405)', run(random_folds(2, s))))
    print(f'  random 2-fold mean gain over bm25 {np.mean(gains):+.4f}')
    line('even/odd split', run([(O, E), (E, O)]))
    for s in range(2):
        parts = record_groups(5, s)
        line(f'grouped 5-fold, fold seed {s}', run([([i for j in range(5) if j != f for i in parts[j]], parts[f]) for f in range(5)]))

def g_export():
    """For the real `evidence eval`: random claim-level 5-fold (fold seeds 0-2), each fold's claims as
    $SCIFACT_WORK/s9/r<seed>f<fold>.jsonl and the 25-feature model trained on the other four folds as
    ranking-model-s9-r<seed>f<fold>.json (as trial_session8.py export: 200 trees, 7 leaves, seed 0)."""
    import trial_lambdarank as tl
    out = f'{WORK}/s9'; os.makedirs(out, exist_ok=True)
    mats = with_cols(lambda i: expand_cols(i, 3))
    keep = tl.FEATS; tl.FEATS = list(PORTED) + ['exp_cov', 'exp_gain']
    lines = {c['id']: json.dumps(c) for c in claims}
    for s in range(3):
        for f, (tr, te) in enumerate(random_folds(5, s)):
            with open(f'{out}/r{s}f{f}.jsonl', 'w') as fh: fh.write('\n'.join(lines[i] for i in sorted(te)) + '\n')
            export(fit_lgb(mats, tr), f'{out}/ranking-model-s9-r{s}f{f}.json')
    tl.FEATS = keep
    print('folds and models written to', out)

def sem_cols(vs, names, work='/tmp/sfw8s'):
    F = pickle.load(open(f'{work}/sem_feat_{vs}.pkl', 'rb'))
    return lambda i: [F[i][n] for n in names] if F.get(i) else []

def g_sem():
    """Session 8's word-similarity features (vector sets built by sem_vectors.py in /tmp/sfw8s) over the 25-feature
    set, under every protocol: random 5-fold (fold seeds 0-2), grouped (0, 1), even/odd; Δ against the 25 features."""
    import pickle as _p
    globals()['pickle'] = _p
    base = with_cols(lambda i: expand_cols(i, 3))
    def protocols():
        out = [(f'r{s}', random_folds(5, s)) for s in range(3)]
        for s in range(2):
            parts = record_groups(5, s)
            out.append((f'g{s}', [([i for j in range(5) if j != f for i in parts[j]], parts[f]) for f in range(5)]))
        return out + [('eo', [(O, E), (E, O)])]
    P = protocols()
    def run(mats):
        res = {}
        for name, folds in P:
            per = {}
            m = lgb_method(mats=mats)
            for tr, te in folds:
                sc = m(tr, te)
                for i in te: per[i] = ndcg_of_scores(i, sc[i]) if i in sc and len(sc[i]) else 0.0
            res[name] = per
        return res
    ref = run(base)
    print('25 features: ' + '  '.join(f'{k} {np.mean([v[i] for i in ALL]):.4f}' for k, v in ref.items()), flush=True)
    sets = [('cent rec/sent + soft gain 0.6', ['cent_rec', 'cent_sent', 'soft_gain_0.6']),
            ('soft rec/sent/tit 0.4', ['soft_rec_0.4', 'soft_sent_0.4', 'soft_tit_0.4']),
            ('centroids rec/sent/tit', ['cent_rec', 'cent_sent', 'cent_tit']),
            ('all eight, t 0.4', ['soft_rec_0.4', 'soft_sent_0.4', 'soft_tit_0.4', 'soft_gain_0.4', 'soft_missfrac_0.4', 'cent_rec', 'cent_sent', 'cent_tit'])]
    for vs in sys.argv[2:] or ['sf_x', 'sf_d100']:
        for label, names in sets:
            col = sem_cols(vs, names)
            M = {}
            for i, v in base.items():
                M[i] = None if v is None else (np.column_stack([v[0]] + col(i)), v[1])
            res = run(M)
            txt = []
            for k in res:
                m_, lo, hi = bootstrap(res[k], ref[k]); txt.append(f'{k} {m_:+.4f}')
            rnd = np.mean([np.mean([res[k][i] - ref[k][i] for i in ALL]) for k in ('r0', 'r1', 'r2')])
            print(f'{vs}: {label:<32} ' + '  '.join(txt) + f'   random mean {rnd:+.4f}', flush=True)

SEM8 = ['soft_rec_0.4', 'soft_sent_0.4', 'soft_tit_0.4', 'soft_gain_0.4', 'soft_missfrac_0.4', 'cent_rec', 'cent_sent', 'cent_tit']

def with_sem(vs, work):
    """The 25 features plus the eight word-similarity ones of vector set `vs` (RankingModel.featureNames since session 9)."""
    base = with_cols(lambda i: expand_cols(i, 3))
    col = sem_cols(vs, SEM8, work)
    return {i: None if v is None else (np.column_stack([v[0]] + col(i)), v[1]) for i, v in base.items()}

def g_exportsem():
    """Models with the 33 features of RankingModel.featureNames (session 9), word-similarity features from vector set
    argv[2] (e.g. db_sf: the vectors evidence stored in the index at $SEM_DB; features cached in $SEM_WORK or
    /tmp/sfw8s): trained on the even half, the odd half and all 809 claims (ranking-model-s9v-{even,odd,all}.json),
    and on each random fold's complement (fold seeds 0-2, s9/ranking-model-s9v-r<seed>f<fold>.json)."""
    import trial_lambdarank as tl, pickle as _p
    globals()['pickle'] = _p
    vs = sys.argv[2]; work = os.environ.get('SEM_WORK', '/tmp/sfw8s')
    mats = with_sem(vs, work)
    keep = tl.FEATS; tl.FEATS = list(PORTED) + ['exp_cov', 'exp_gain', 'soft_rec', 'soft_sent', 'soft_tit', 'soft_gain', 'soft_missfrac', 'cent_rec', 'cent_sent', 'cent_tit']
    for name, ids in (('even', E), ('odd', O), ('all', ALL)):
        export(fit_lgb(mats, ids), f'{WORK}/ranking-model-s9v-{name}.json')
    os.makedirs(f'{WORK}/s9', exist_ok=True)
    for s in range(3):
        for f, (tr, te) in enumerate(random_folds(5, s)):
            export(fit_lgb(mats, tr), f'{WORK}/s9/ranking-model-s9v-r{s}f{f}.json')
    tl.FEATS = keep
    print('models written to', WORK)

def g_exportgrouped():
    """For the real `evidence eval` on claims citing unseen records: the grouped 5-fold folds (fold seeds 0, 1) as
    s9/g<seed>f<fold>.jsonl, with models trained on the other four folds, 25 features (s9/ranking-model-s8g-...) and
    33 with word-similarity features of vector set argv[2] (s9/ranking-model-s9g-...)."""
    import trial_lambdarank as tl, pickle as _p
    globals()['pickle'] = _p
    vs = sys.argv[2]; work = os.environ.get('SEM_WORK', '/tmp/sfw8s')
    m25 = with_cols(lambda i: expand_cols(i, 3)); m33 = with_sem(vs, work)
    lines = {c['id']: json.dumps(c) for c in claims}
    keep = tl.FEATS
    os.makedirs(f'{WORK}/s9', exist_ok=True)
    for s in range(2):
        parts = record_groups(5, s)
        for f in range(5):
            tr = [i for j in range(5) if j != f for i in parts[j]]
            with open(f'{WORK}/s9/g{s}f{f}.jsonl', 'w') as fh: fh.write('\n'.join(lines[i] for i in sorted(parts[f])) + '\n')
            tl.FEATS = list(PORTED) + ['exp_cov', 'exp_gain']
            export(fit_lgb(m25, tr), f'{WORK}/s9/ranking-model-s8g-g{s}f{f}.json')
            tl.FEATS = list(PORTED) + ['exp_cov', 'exp_gain', 'soft_rec', 'soft_sent', 'soft_tit', 'soft_gain', 'soft_missfrac', 'cent_rec', 'cent_sent', 'cent_tit']
            export(fit_lgb(m33, tr), f'{WORK}/s9/ranking-model-s9g-g{s}f{f}.json')
    tl.FEATS = keep
    print('grouped folds and models written to', WORK + '/s9')

if __name__ == '__main__':
    for g in (sys.argv[1:2] if sys.argv[1:2] in (['sem'], ['exportsem'], ['exportgrouped']) else sys.argv[1:]) or ['ids', 'random']: globals()['g_' + g]()
