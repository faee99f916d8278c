"""Trial: each candidate's tf-idf cosine to the top-ranked candidate (one-record feedback)."""
from trial_neighbours import *
def to_top(cl, ds):
    vs = [V.setdefault(d, vec(d)) for d in ds]
    top = vs[0]
    return [1.0 if i == 0 else sum(x * top.get(s, 0) for s, x in v.items()) for i, v in enumerate(vs)]
if __name__ == '__main__':
    run(to_top, [0.05, 0.1, 0.2], norm=None, label='cosine to top')
