"""Paired bootstrap (10,000 resamples of claims) of the nDCG@10 difference between two sets of
`evidence eval --ranking-output` files, e.g. the held-out reranker against the linear ranking:
python3 bootstrap_rankings.py ltr_even.jsonl,ltr_odd.jsonl swift_even.jsonl,swift_odd.jsonl"""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rep import *
import numpy as np
def load(paths):
    out = {}
    for p in paths.split(','):
        for l in open(p if os.path.isabs(p) else os.path.join(WORK, p)):
            o = json.loads(l); out[int(o['id'])] = [d for d, _ in o['ranked']]
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
rel = {c['id']: set(c['cited_doc_ids']) for c in claims}
for name, ids in (('even', [c['id'] for c in EVEN]), ('odd', [c['id'] for c in ODD]), ('all', [c['id'] for c in claims])):
    diff = np.array([ndcg10(a.get(i, []), rel[i]) - ndcg10(b.get(i, []), rel[i]) for i in ids])
    rng = np.random.default_rng(1)
    means = [diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(10000)]
    print(f'{name}: {np.mean([ndcg10(a.get(i, []), rel[i]) for i in ids]):.4f} vs {np.mean([ndcg10(b.get(i, []), rel[i]) for i in ids]):.4f}, '
          f'difference {diff.mean():+.4f}, 95% interval [{np.percentile(means, 2.5):+.4f}, {np.percentile(means, 97.5):+.4f}]; '
          f'claims better {int((diff > 0).sum())}, worse {int((diff < 0).sum())}')
