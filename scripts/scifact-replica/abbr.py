"""Schwartz & Hearst (2003) abbreviation pairs: "long form (SF)"."""
import re, collections
PAREN = re.compile(r'\(([^()]{1,12})\)')
def best_long_form(sf, lf):
    s = len(sf)-1; l = len(lf)-1
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum(): s -= 1; continue
        while (l >= 0 and lf[l].lower() != c) or (s == 0 and l > 0 and lf[l-1].isalnum()):
            l -= 1
        if l < 0: return None
        l -= 1; s -= 1
    l = lf.rfind(' ', 0, l+1) + 1
    return lf[l:]
def pairs(text):
    out = []
    for m in PAREN.finditer(text):
        sf = m.group(1).strip()
        # cut at ; or ,
        sf = re.split(r'[;,]', sf)[0].strip()
        if not (2 <= len(sf) <= 10) or len(sf.split()) > 2: continue
        if not any(ch.isalpha() for ch in sf) or not sf[0].isalnum(): continue
        if not any(ch.isupper() for ch in sf): continue
        before = text[:m.start()].rstrip()
        # window of words
        words = re.split(r'\s+', before)
        n = min(len(sf)+5, 2*len(sf))
        window = ' '.join(words[-n:])
        # don't cross sentence boundary / previous paren
        window = re.split(r'[.;:()\[\]]\s', window)[-1]
        lf = best_long_form(sf, window)
        if not lf: continue
        lf = lf.strip(' ,')
        if len(lf) <= len(sf) or len(lf.split()) < 2 and len(lf) < len(sf) + 3: continue
        if sf.lower() in lf.lower().split(): continue
        out.append((sf, lf))
    return out
if __name__ == '__main__':
    for t in ["ATM and Rad3-related (ATR) kinase", "tumor necrosis factor alpha (TNF-α) levels", "the Global Burden of Disease (GBD) study", "in patients (n = 12)", "interleukin 6 (IL-6)"]:
        print(t, pairs(t))
