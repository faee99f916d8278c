"""Session 7: extra per-candidate evidence for the reranker, cached in $SCIFACT_WORK/s7feat.pkl.
Per claim, a dict of name -> array over evidence's 100 candidates (in the order of ltr.pkl):
other first-stage scorers (Dirichlet query likelihood, PL2, bm25 with other k1/b, bm25 of the title
alone / abstract alone, of the best sentence and of the best 2- and 3-sentence window), proximity
(shortest token window holding all of the record's matched claim stems), the best sentence's position,
and sub-word matching (5-character prefixes, containment of a claim token in a record token or the reverse)."""
from ltr_data import *
import pickle

K1, B = 1.2, 0.75

def _prep():
    tt, at, st = {}, {}, {}
    for k, v in docs.items():
        tt[k] = [stem(w) for w in toks(v[0])]
        at[k] = [stem(w) for w in toks(v[1])]
        ss = [v[0]] + [x for x in SENT.split(v[1]) if x.strip()]
        st[k] = [[stem(w) for w in toks(x)] for x in ss]
    return tt, at, st

def bm25_parts(tf, dl, avg, qs, k1=K1, b=B):
    return sum(idf(s) * tf[s] * (k1 + 1) / (tf[s] + k1 * (1 - b + b * dl / avg)) for s in qs if tf.get(s))

def min_window(tokens, targets):
    """Shortest span (in tokens) holding every stem of targets that occurs in tokens."""
    targets = set(targets) & set(tokens)
    if not targets: return 0, 0
    need = len(targets); have = collections.Counter(); got = 0; best = len(tokens); lo = 0
    for hi, t in enumerate(tokens):
        if t in targets:
            have[t] += 1
            if have[t] == 1: got += 1
        while got == need:
            best = min(best, hi - lo + 1)
            u = tokens[lo]
            if u in targets:
                have[u] -= 1
                if have[u] == 0: got -= 1
            lo += 1
    return best, need

def build():
    tt, at, st = _prep()
    raw = {k: set(toks(v[0] + ' ' + v[1])) for k, v in docs.items()}
    dlen = {k: len(v) for k, v in dtok.items()}; avg = sum(dlen.values()) / len(dlen)
    tavg = sum(len(v) for v in tt.values()) / len(tt); aavg = sum(len(v) for v in at.values()) / len(at)
    savg = np.mean([len(s) for v in st.values() for s in v])
    # 5-character prefix document frequencies, for prefix IDF
    pdf = collections.Counter()
    pre = {}
    for k, v in dtok.items():
        p = set(s[:5] for s in v); pre[k] = p; pdf.update(p)
    def pidf(p): return math.log((N - pdf[p] + 0.5) / (pdf[p] + 0.5) + 1)
    out = {}
    for cl in claims:
        cid = cl['id']; d = DATA[cid]; q = d['q']; qs = [s for s, _ in q]
        words = [fold(w) for _, w in q]
        ids = np.array([idf(s) for s in qs]); T = ids.sum() or 1
        F = collections.defaultdict(list)
        for x in d['ds']:
            tf = collections.Counter(dtok[x]); dl = dlen[x]
            F['bm_k09b04'].append(bm25_parts(tf, dl, avg, qs, 0.9, 0.4))
            F['bm_k2b075'].append(bm25_parts(tf, dl, avg, qs, 2.0, 0.75))
            F['bm_k12b03'].append(bm25_parts(tf, dl, avg, qs, 1.2, 0.3))
            # Dirichlet query likelihood, mu 1000 (ranking form)
            mu = 1000.0
            F['ql'].append(sum(math.log(1 + tf[s] / (mu * max(ctf[s], 1) / CL)) for s in qs) + len(qs) * math.log(mu / (dl + mu)))
            # PL2, c = 1
            pl = 0.0
            for s in qs:
                if not tf[s]: continue
                tfn = tf[s] * math.log2(1 + avg / dl); lam = max(ctf[s], 1) / N
                pl += (tfn * math.log2(tfn / lam) + (lam - tfn) * math.log2(math.e) + 0.5 * math.log2(2 * math.pi * tfn)) / (tfn + 1)
            F['pl2'].append(pl)
            ttf = collections.Counter(tt[x]); atf = collections.Counter(at[x])
            F['bm_title'].append(bm25_parts(ttf, len(tt[x]), tavg, qs))
            F['bm_abs'].append(bm25_parts(atf, len(at[x]), aavg, qs))
            sb = [bm25_parts(collections.Counter(s), len(s), savg, qs) for s in st[x]]
            F['bm_sent'].append(max(sb))
            best_i = int(np.argmax(sb)); ns = len(st[x])
            F['best_pos'].append(best_i / max(ns - 1, 1)); F['best_is_title'].append(1.0 if best_i == 0 else 0.0)
            F['best_is_last'].append(1.0 if best_i == ns - 1 and ns > 1 else 0.0)
            for w in (2, 3):
                wins = [sum(st[x][i:i + w], []) for i in range(max(ns - w + 1, 1))]
                F[f'bm_win{w}'].append(max(bm25_parts(collections.Counter(t), len(t), savg * w, qs) for t in wins))
            span, m = min_window(dtok[x], qs)
            F['span_ratio'].append(m / span if span else 0.0)      # 1 = matched stems contiguous
            F['span_log'].append(math.log1p(span))
            # window of 20 tokens with the best IDF-weighted coverage
            toks_ = dtok[x]; best = 0.0; qset = dict(zip(qs, ids))
            pos = [(i, t) for i, t in enumerate(toks_) if t in qset]
            for a in range(len(pos)):
                seen = set()
                for b_ in range(a, len(pos)):
                    if pos[b_][0] - pos[a][0] >= 20: break
                    seen.add(pos[b_][1])
                best = max(best, sum(qset[t] for t in seen) / T)
            F['win20'].append(best)
            # sub-word: claim stems missing exactly but matching by 5-char prefix / containment
            present = set(tf)
            pcov = 0.0; ccov = 0.0; lcs = 0.0
            for s, w, wt in zip(qs, words, ids):
                if s in present: continue
                if len(s) >= 5 and s[:5] in pre[x]: pcov += wt
                if len(w) >= 4 and any((len(u) >= 4 and (w in u or u in w)) for u in raw[x] if u != w and not u.isdigit()):
                    ccov += wt
            F['prefix_gain'].append(pcov / T); F['contain_gain'].append(ccov / T)
            # prefix coverage (prefix IDF), all stems
            pw = np.array([pidf(s[:5]) for s in qs]); PT = pw.sum() or 1
            F['prefix_cov'].append(sum(wt for s, wt in zip(qs, pw) if s[:5] in pre[x]) / PT)
        out[cid] = {k: np.array(v, float) for k, v in F.items()}
    return out

S7 = cached('s7feat.pkl', build)
