"""Session 7 trial (not ported): the 23 reranker features of the pseudo-claims (pseudo_claims.py), computed by
the same code as the real claims' (trial_lambdarank.claim_matrix, s7_features3 'A' similarities, title precision
over unique stems as trial_session7._title_precision), in the pseudo world:

    SCIFACT_DIR=/tmp/sfw8/psf SCIFACT_WORK=/tmp/sfw8/pw python3 scripts/scifact-replica/pseudo_features.py

writes $SCIFACT_WORK/pseudo_mat.pkl: {claim id: (X of the 23 features in RankingModel.featureNames order, labels)}."""
from trial_lambdarank import *
from s7_features3 import S7C
import pickle

out = {}
for cid, d in DATA.items():
    if MAT[cid] is None: continue
    X, y = MAT[cid]
    qs = set(s for s, _ in d['q']); tp = []
    for x in d['ds']:
        t = [s for s, _ in qstems_with_words(docs[x][0])]
        tp.append(len([s for s in t if s in qs]) / len(t) if t else 0.0)
    s = S7C[cid]
    out[cid] = (np.column_stack([X, s['cos_top1A'], s['cos_top3A'], s['nbr3A'], np.array(tp)]), y)
pickle.dump(out, open(WORK + '/pseudo_mat.pkl', 'wb'))
hit = sum(1 for v in out.values() if v[1].sum() > 0)
print(f'{len(out)} pseudo-claims with candidates, {hit} with their record among the 100 candidates')
