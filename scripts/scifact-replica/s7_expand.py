"""Session 7: a second, sub-word query to add candidates beyond bm25's top 100 (recall check).
Second query: each claim word of 6+ letters as a 5-letter FTS5 prefix query, and the parts of mixed
tokens split at case and digit boundaries (ScPif1p -> sc pif 1 p, GATA3 -> gata 3), parts of 3+ characters."""
from ltr_data import *
import re, sys

def parts(word):
    ps = re.findall(r'[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+', word)
    return [p.lower() for p in ps if len(p) >= 3] if len(ps) > 1 else []

def second_query(text):
    terms = []
    for w in WORD.findall(text):
        f = fold(w)
        if f in STOP or f.isdigit(): continue
        if len(f) >= 6 and f.isalpha(): terms.append(fts_quote(f[:5]) + '*')
        terms += [fts_quote(p) for p in parts(w)]
    return list(dict.fromkeys(terms))

if __name__ == '__main__':
    c = build_fts()
    def q(terms, lim):
        if not terms: return []
        expr = '{title abstract} : (' + ' OR '.join(terms) + ')'
        return [str(r) for r, in c.execute("select rowid from t where t match ? order by bm25(t,1,1) limit ?", (expr, lim))]
    stats = collections.Counter()
    for cl in claims:
        rel = set(map(str, cl['cited_doc_ids'])); top = set(DATA[cl['id']]['ds'])
        stats['rel'] += len(rel); stats['in100'] += len(rel & top)
        full = [fts_quote(w) for w in dict.fromkeys(toks(cl['claim']))]
        r200 = q(full, 200); stats['in200'] += len(rel & set(r200))
        sq = q(second_query(cl['claim']), 100)
        for m in (10, 20, 50):
            extra = [d for d in sq if d not in top][:m]
            stats[f'union{m}'] += len(rel & (top | set(extra)))
            stats[f'gain{m}'] += len(rel & set(extra))
    print({k: v for k, v in stats.items()}, {k: round(v / stats['rel'], 4) for k, v in stats.items()})
