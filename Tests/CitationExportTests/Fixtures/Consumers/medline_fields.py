"""Reads a MEDLINE (.nbib) file with Biopython's Bio.Medline and prints the checked fields as JSON."""
import json
import sys

from Bio import Medline

with open(sys.argv[1], encoding="utf-8") as handle:
    records = list(Medline.parse(handle))
entries = []
for record in records:
    doi = None
    def as_list(value):
        return [value] if isinstance(value, str) else list(value or [])

    for aid in as_list(record.get("AID")) + as_list(record.get("LID")):
        if aid.endswith(" [doi]"):
            doi = aid[: -len(" [doi]")]
            break
    keys = list(record.keys())
    person_first = "FAU" in keys and ("CN" not in keys or keys.index("FAU") < keys.index("CN"))
    authors = as_list(record.get("FAU") if person_first else record.get("CN") or record.get("AU"))
    entries.append({
        "title": (as_list(record.get("TI")) or as_list(record.get("BTI")) or [None])[0],
        "author": authors[0] if authors else None,
        "year": (record.get("DP") or "")[:4] or None,
        "journal": (as_list(record.get("JT")) or as_list(record.get("BTI")) or [None])[0],
        "doi": doi,
        "pmid": record.get("PMID"),
        "tags": list(record.keys()),
    })
print(json.dumps({"entries": entries}, ensure_ascii=False))
