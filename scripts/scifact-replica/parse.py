"""The SciFact corpus as JSON ({doc_id: [title, abstract]}) in $SCIFACT_WORK/docs.json."""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get('SCIFACT_WORK', '/tmp/sfpy')
SCIFACT = os.environ.get('SCIFACT_DIR', os.path.join(HERE, '../../../shared/eval/scifact'))
import gzip, xml.etree.ElementTree as ET, json
docs = {}
for ev, el in ET.iterparse(gzip.open(SCIFACT + '/corpus.xml.gz'), events=('end',)):
    if el.tag == 'PubmedArticle':
        pmid = el.findtext('.//PMID')
        title = ''.join(el.find('.//ArticleTitle').itertext()) if el.find('.//ArticleTitle') is not None else ''
        abst = '\n'.join(''.join(a.itertext()) for a in el.findall('.//AbstractText'))
        docs[pmid] = (title, abst)
        el.clear()
os.makedirs(WORK, exist_ok=True)
json.dump(docs, open(WORK + '/docs.json', 'w'))
print(len(docs))
