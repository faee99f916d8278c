"""Reads a BibTeX file with bibtexparser (v2, LaTeX decoded) and prints the checked fields as JSON."""
import json
import sys

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware

library = bibtexparser.parse_file(sys.argv[1], append_middleware=[LatexDecodingMiddleware()])
if library.failed_blocks:
    sys.exit("failed blocks: %r" % [b.raw[:200] for b in library.failed_blocks])


def value(entry, name):
    field = entry.fields_dict.get(name)
    return None if field is None else str(field.value)


entries = []
for entry in library.entries:
    authors = value(entry, "author") or ""
    entries.append({
        "key": entry.key,
        "type": entry.entry_type,
        "title": value(entry, "title"),
        "author": authors.split(" and ")[0] if authors else None,
        "year": value(entry, "year"),
        "journal": value(entry, "journal") or value(entry, "booktitle"),
        "doi": value(entry, "doi"),
        "pmid": value(entry, "pmid"),
    })
print(json.dumps({"entries": entries}, ensure_ascii=False))
