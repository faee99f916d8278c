"""Session 9: word vectors without SVD, for a port that must be deterministic and linear in the corpus.
Same stems, window and PPMI as sem_vectors.py; instead of the truncated SVD each stem's row is projected on
sparse random +-1 context vectors (random indexing / a sparse Johnson-Lindenstrauss projection; D dimensions,
K non-zeros per context stem, drawn from a hash of the stem so any build gives the same vectors).
  'sf_pp<D>'  PPMI rows projected;
  'sf_lc<D>'  log(1 + co-occurrence count) x IDF of the context stem, projected, rows centred.
Written as $SCIFACT_WORK/sem_vec_<name>.pkl, the format sem_features.py reads.

    SCIFACT_WORK=/tmp/sfw8s python3 scripts/scifact-replica/sem_ri.py sf_pp512 sf_lc512
    SEM_T=0.25,0.35 SCIFACT_WORK=/tmp/sfw8s python3 scripts/scifact-replica/sem_ri.py trial sf_pp512

`trial` runs trial_semantic.py's rows for a vector set (soft thresholds from SEM_T, lower than the SVD's
0.4 / 0.6 since projected cosines are smaller) against the ported 23 features."""
import sys, os, zlib, pickle, collections, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sem_vectors import content_stems, corpus_texts, WINDOW, MIN_DF, ALPHA, WORK
import numpy as np, scipy.sparse as sp

K = 8

def projection(vocab, D):
    rows, cols, vals = [], [], []
    for i, w in enumerate(vocab):
        rng = np.random.default_rng(zlib.crc32(w.encode()))
        idx = rng.choice(D, K, replace=False); sg = rng.choice([-1.0, 1.0], K)
        rows += [i] * K; cols += list(idx); vals += list(sg)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(vocab), D))

def build(kind, D, base='sf'):
    t0 = time.time()
    seqs = [content_stems(t) for t in corpus_texts(base)]
    df = collections.Counter()
    for s in seqs: df.update(set(s))
    vocab = sorted(w for w, c in df.items() if c >= MIN_DF)
    ix = {w: i for i, w in enumerate(vocab)}; V = len(vocab)
    ids = [np.array([ix[w] for w in s if w in ix], dtype=np.int32) for s in seqs]
    C = sp.csr_matrix((V, V))
    for k in range(1, WINDOW + 1):
        r = np.concatenate([a[:-k] for a in ids if len(a) > k]); c = np.concatenate([a[k:] for a in ids if len(a) > k])
        M = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(V, V)); C = C + M + M.T
    C.sum_duplicates()
    if kind == 'pp':
        wr = np.asarray(C.sum(1)).ravel(); cc = np.asarray(C.sum(0)).ravel() ** ALPHA
        coo = C.tocoo(); pmi = np.log(coo.data * cc.sum() / (wr[coo.row] * cc[coo.col])); keep = pmi > 0
        P = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(V, V))
    else:
        n = len(seqs); idf = np.log((n + 1) / (np.array([df[w] for w in vocab]) + 0.5))
        P = C.copy(); P.data = np.log1p(P.data); P = P @ sp.diags(idf)
    W = np.asarray((P @ projection(vocab, D)).todense())
    if kind == 'lc':
        W /= np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-12); W -= W.mean(0)
    W /= np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-12)
    info = dict(vocab=V, nnz=P.nnz, seconds=time.time() - t0)
    print(kind, D, info, flush=True)
    return vocab, W.astype(np.float32), info

def trial(vs):
    lo, hi = (float(x) for x in os.environ.get('SEM_T', '0.25,0.35').split(','))
    sys.argv = sys.argv[:1]
    import trial_semantic as ts
    ts.REF.update(ts.row('ported set (23 features, reference)', []))
    ts.add_features(vs); p = vs + ':'
    cent = [p + 'cent_rec', p + 'cent_sent', p + 'cent_tit']
    soft = lambda t: [f'{p}soft_rec_{t}', f'{p}soft_sent_{t}', f'{p}soft_tit_{t}']
    gain = lambda t: [f'{p}soft_gain_{t}', f'{p}soft_missfrac_{t}']
    ts.row(f'{vs}: centroid cosines rec/sent/tit', cent)
    ts.row(f'{vs}: centroid rec/sent + soft gain t {hi}', cent[:2] + [f'{p}soft_gain_{hi}'])
    ts.row(f'{vs}: soft rec/sent/tit, t {lo}', soft(lo))
    ts.row(f'{vs}: soft + gain + centroids, t {lo}', soft(lo) + gain(lo) + cent)
    ts.row(f'{vs}: soft + gain + centroids, t {hi}', soft(hi) + gain(hi) + cent)

if __name__ == '__main__':
    if sys.argv[1:2] == ['trial']: trial(sys.argv[2]); sys.exit()
    for nm in sys.argv[1:]:
        base, kind, D = nm[:nm.rindex('_')], nm[nm.rindex('_') + 1:][:2], int(nm[nm.rindex('_') + 3:])
        vocab, W, info = build(kind, D, base)
        pickle.dump((vocab, W, info), open(f'{WORK}/sem_vec_{nm}.pkl', 'wb'))
        ix = {w: i for i, w in enumerate(vocab)}
        for w in ('atr', 'tumor', 'obes', 'increas'):
            if w in ix:
                sims = W @ W[ix[w]]; top = np.argsort(-sims)[1:8]
                print(' ', w, ', '.join(f'{vocab[j]} {sims[j]:.2f}' for j in top), flush=True)
