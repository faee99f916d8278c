"""Session 8: distributional word vectors over Porter stems (the replica's stems), for the word-similarity
reranker features of trial_semantic.py. PPMI of content stems co-occurring within ±WINDOW content tokens
inside one record (title + abstract, stop words and numbers dropped; context distribution smoothed by
α = 0.75, Levy et al. 2015), stems with document frequency >= MIN_DF, truncated SVD (randomized_svd), rows
U × S^p with p = 0.5, unit length. Cached in $SCIFACT_WORK/sem_vec_<name>.pkl as (stem list, matrix).

Corpora: 'sf' = the SciFact corpus alone; 'sf_bg' = + the 30,000 records of
../shared/corpus/pubmed/pubmed20n0014.xml.gz; 'sf_bg2' = + pubmed21n1298.xml.gz and the ketamine records.

    SCIFACT_WORK=/tmp/sfw8s python3 scripts/scifact-replica/sem_vectors.py sf sf_bg"""
import sys, os, time, gzip, pickle, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rep import WORK, HERE, docs, toks, stem, STOP
import numpy as np, scipy.sparse as sp
from sklearn.utils.extmath import randomized_svd
import xml.etree.ElementTree as ET

SHARED = os.path.join(HERE, '../../../shared/corpus')
WINDOW, MIN_DF, DIMS, POWER, ALPHA = 5, 3, 200, 0.5, 0.75

def content_stems(text):
    """Content stems of a text in order (as the claim's stems: no stop word, number or one-letter word)."""
    return [stem(w) for w in toks(text) if not w.isdigit() and len(w) > 1 and w not in STOP]

def pubmed_texts(path):
    """Title + abstract of every record of a PubMed XML file (gzip or plain)."""
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        title, parts = '', []
        for ev, el in ET.iterparse(f, events=('end',)):
            if el.tag == 'ArticleTitle': title = ''.join(el.itertext())
            elif el.tag == 'AbstractText': parts.append(''.join(el.itertext()))
            elif el.tag == 'PubmedArticle':
                if title or parts: yield title + ' . ' + ' '.join(parts)
                title, parts = '', []; el.clear()

def corpus_texts(name):
    texts = [v[0] + ' . ' + v[1] for v in docs.values()]
    if name in ('sf_bg', 'sf_bg2'):
        texts += list(pubmed_texts(SHARED + '/pubmed/pubmed20n0014.xml.gz'))
    if name == 'sf_bg2':
        texts += list(pubmed_texts(SHARED + '/pubmed/pubmed21n1298.xml.gz'))
        for fn in ('esketamine-trd-records.xml', 'esketamine-trials-efetch.xml'):
            texts += list(pubmed_texts(SHARED + '/ketamine/' + fn))
    return texts

def build(name, window=WINDOW, min_df=MIN_DF, dims=DIMS, power=POWER, svd_seed=0, n_iter=5):
    t0 = time.time(); c0 = time.process_time()
    seqs = [content_stems(t) for t in corpus_texts(name)]
    t1 = time.time()
    df = collections.Counter()
    for s in seqs: df.update(set(s))
    vocab = sorted(w for w, c in df.items() if c >= min_df)
    ix = {w: i for i, w in enumerate(vocab)}; V = len(vocab)
    C = sp.csr_matrix((V, V), dtype=np.float64)
    ids = [np.array([ix[w] for w in s if w in ix], dtype=np.int32) for s in seqs]
    for k in range(1, window + 1):
        r = np.concatenate([a[:-k] for a in ids if len(a) > k]); c = np.concatenate([a[k:] for a in ids if len(a) > k])
        M = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(V, V))
        C = C + M + M.T
    C.sum_duplicates()
    t2 = time.time()
    total = C.sum(); wr = np.asarray(C.sum(1)).ravel(); cc = np.asarray(C.sum(0)).ravel() ** ALPHA
    coo = C.tocoo()
    pmi = np.log(coo.data * cc.sum() / (wr[coo.row] * cc[coo.col]))   # log p(w,c) / (p(w) p_α(c))
    keep = pmi > 0
    P = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(V, V))
    U, S, _ = randomized_svd(P, dims, n_iter=n_iter, random_state=svd_seed)
    W = U * S ** power
    W /= np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-12)
    t3 = time.time()
    info = dict(records=len(seqs), tokens=sum(map(len, seqs)), vocab=V, nnz=P.nnz, tokenise_s=t1 - t0, cooc_s=t2 - t1, svd_s=t3 - t2, cpu_s=time.process_time() - c0)
    print(name, info, flush=True)
    return vocab, W.astype(np.float32), info

def from_index(db):
    """The word vectors evidence built and stored in an index (session 9: table word_vector, one Float32
    little-endian blob per stem), as (stem list, matrix, info)."""
    import sqlite3
    rows = sqlite3.connect(db).execute('SELECT stem, vector FROM word_vector ORDER BY stem').fetchall()
    vocab = [r[0] for r in rows]
    W = np.vstack([np.frombuffer(r[1], dtype='<f4') for r in rows]).astype(np.float32)
    return vocab, W, dict(vocab=len(vocab), source=db)

def vectors(name):
    """A vector set by name: a corpus name, optionally '_d<dims>' (e.g. 'sf_d100') or '_r<seed>' (another
    random start of the randomized SVD, e.g. 'sf_r1') or '_x' (30 power iterations instead of 5), cached."""
    path = f'{WORK}/sem_vec_{name}.pkl'
    if os.path.exists(path): return pickle.load(open(path, 'rb'))
    if name.startswith('db_'): v = from_index(os.environ['SEM_DB']); pickle.dump(v, open(path, 'wb')); return v
    if '_d' in name: base, _, dims = name.partition('_d'); v = build(base, dims=int(dims))
    elif '_r' in name: base, _, seed = name.partition('_r'); v = build(base, svd_seed=int(seed))
    elif name.endswith('_x'): v = build(name[:-2], n_iter=30)     # SVD near convergence (30 power iterations)
    else: v = build(name)
    pickle.dump(v, open(path, 'wb')); return v

if __name__ == '__main__':
    for nm in sys.argv[1:] or ['sf', 'sf_bg']:
        vocab, W, info = vectors(nm)
        ix = {w: i for i, w in enumerate(vocab)}
        for w in ('atr', 'tumor', 'chemotaxi', 'mortal', 'increas', 'obes'):
            if w in ix:
                sims = W @ W[ix[w]]; top = np.argsort(-sims)[1:8]
                print(' ', w, ', '.join(f'{vocab[j]} {sims[j]:.2f}' for j in top))
