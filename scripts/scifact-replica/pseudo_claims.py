"""Session 7 trial (not ported): self-supervised pseudo-claims for the reranker, inverse-cloze style.
From records that no SciFact training claim cites, take one finding-like sentence near the end of the
abstract (8-30 words after a lead-in such as "These results suggest that" is cut, holding a finding or
direction word), use it as a claim whose relevant record is its own abstract, and REMOVE the sentence
from that abstract. Writes, in $PSEUDO_DIR (default /tmp/sfw8/psf):
  corpus.xml.gz        the SciFact corpus with those sentences removed (ingest it into its own index)
  claims_train.jsonl   the pseudo-claims (ids from 100000, cited_doc_ids = the source record)
Then (see trial_pseudo.py):
    evidence ingest $PSEUDO_DIR/corpus.xml.gz --index /tmp/sfw8/pseudo.sqlite
    for h in even odd; do evidence eval $PSEUDO_DIR/claims_train.jsonl --index /tmp/sfw8/pseudo.sqlite \
        --half $h --ranking-model none --ranking-output /tmp/sfw8/pw/swift_$h.jsonl; done
    SCIFACT_DIR=$PSEUDO_DIR SCIFACT_WORK=/tmp/sfw8/pw python3 scripts/scifact-replica/parse.py

    python3 scripts/scifact-replica/pseudo_claims.py [max claims, default 2500]"""
import os, re, sys, gzip, json, random
import xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
SCIFACT = os.environ.get('SCIFACT_REAL_DIR', os.path.join(HERE, '../../../shared/eval/scifact'))
OUT = os.environ.get('PSEUDO_DIR', '/tmp/sfw8/psf')
MAX = int(sys.argv[1]) if len(sys.argv) > 1 else 2500

SENT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9(\[])')
LEADS = [re.compile(p, re.I) for p in (
    r'^(in conclusion|in summary|to conclude|taken together|together|collectively|overall|thus|therefore|hence|'
    r'finally|conclusions?|interpretation|significance|in addition|moreover|furthermore|importantly|notably)\s*[,:.]?\s*',
    r'^(these|our|the|this|present|such)?\s*(\w+\s+)?(results|findings|data|study|observations|studies|work|analyses|analysis|experiments|'
    r'evidence|findings?)\s+(\w+\s+)?(strongly\s+|further\s+|collectively\s+)?(suggest|indicate|show|demonstrate|reveal|support|'
    r'provide evidence|imply|establish|confirm|argue|highlight|identify)(s|ed)?\s+(that\s+)?',
    r'^(we|it)\s+(\w+\s+)?(conclude|propose|show|demonstrate|found|find|suggest|report|identify|hypothesize|is concluded|'
    r'is suggested|was found|appears)d?\s+(that\s+)?')]
FINDING = re.compile(r'\b(increas|decreas|reduc|elevat|lower|higher|improv|inhibit|promot|associat|requir|essential|risk|enhanc|'
                     r'impair|suppress|induc|activat|prevent|protect|correlat|not|no|regulat|caus|contribut|mediat|block|'
                     r'depend|necessary|sufficient|affect|predict|effective|linked|role)\w*', re.I)

def shorten(s):
    """The sentence without a reporting lead-in ("These data suggest that ..."), capitalised."""
    for _ in range(2):
        for p in LEADS: s = p.sub('', s)
    return s[:1].upper() + s[1:] if s else s

def main():
    cited = set()
    for l in open(SCIFACT + '/claims_train.jsonl'):
        cited.update(map(str, json.loads(l)['cited_doc_ids']))
    tree = ET.parse(gzip.open(SCIFACT + '/corpus.xml.gz'))
    arts = tree.getroot().findall('PubmedArticle')
    rng = random.Random(0)
    cands = []
    for a in arts:
        pmid = a.findtext('.//PMID')
        el = a.find('.//AbstractText')
        if pmid in cited or el is None or not el.text or len(el): continue
        ss = [x for x in SENT.split(el.text.strip()) if x.strip()]
        if len(ss) < 4: continue
        for s in reversed(ss[-3:]):                 # the last sentences first (conclusions)
            c = shorten(s.strip())
            n = len(c.split())
            if 8 <= n <= 30 and FINDING.search(c):
                cands.append((pmid, el, s, c)); break
    rng.shuffle(cands)
    cands = cands[:MAX]
    claims = []
    for k, (pmid, el, s, c) in enumerate(cands):
        el.text = re.sub(r'\s{2,}', ' ', el.text.replace(s, ' ')).strip()
        claims.append(dict(id=100000 + k, claim=c, evidence={}, cited_doc_ids=[pmid]))
    os.makedirs(OUT, exist_ok=True)
    with gzip.open(OUT + '/corpus.xml.gz', 'wb') as f:
        tree.write(f, encoding='UTF-8', xml_declaration=True)
    with open(OUT + '/claims_train.jsonl', 'w') as f:
        for c in claims: f.write(json.dumps(c) + '\n')
    print(f'{len(cands)} pseudo-claims from {len(arts)} records ({len(cited)} cited by training claims excluded)')

if __name__ == '__main__':
    main()
