"""Reads a RIS file with rispy and prints the checked fields as JSON."""
import json
import sys

import rispy

with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    text = handle.read()
if text.startswith("\ufeff"):
    sys.exit("byte-order mark found")
records = rispy.loads(text)
entries = []
for record in records:
    authors = record.get("authors") or []
    entries.append({
        "type": record.get("type_of_reference"),
        "title": record.get("title"),
        "author": authors[0] if authors else None,
        "year": record.get("year"),
        "journal": record.get("journal_name") or record.get("secondary_title"),
        "doi": record.get("doi"),
        "pmid": record.get("accession_number"),
    })
print(json.dumps({"entries": entries}, ensure_ascii=False))
