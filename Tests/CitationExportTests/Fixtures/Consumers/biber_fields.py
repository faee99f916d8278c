"""Runs `biber --tool` on a BibTeX file (which decodes LaTeX to UTF-8 and validates it against
biblatex's data model), then reads biber's output with bibtexparser and prints the fields as JSON."""
import json
import os
import subprocess
import sys
import tempfile

import bibtexparser

source = os.path.abspath(sys.argv[1])
with tempfile.TemporaryDirectory() as folder:
    output = os.path.join(folder, "out.bib")
    run = subprocess.run(["biber", "--tool", "--quiet", "--output-encoding=UTF-8", "--output-file", output, source],
                         cwd=folder, capture_output=True, text=True)
    log = run.stdout + run.stderr
    if run.returncode != 0 or "ERROR" in log:
        sys.exit("biber failed (%d): %s" % (run.returncode, log))
    library = bibtexparser.parse_file(output)

entries = []
for entry in library.entries:
    fields = {k.lower(): str(v.value) for k, v in entry.fields_dict.items()}
    authors = fields.get("author", "")
    entries.append({
        "key": entry.key,
        "type": entry.entry_type,
        "title": fields.get("title"),
        "author": authors.split(" and ")[0] if authors else None,
        "year": fields.get("year") or (fields.get("date") or "")[:4] or None,
        "journal": fields.get("journaltitle") or fields.get("journal") or fields.get("booktitle"),
        "doi": fields.get("doi"),
        "pmid": fields.get("eprint") if fields.get("eprinttype", "").lower() == "pubmed" else fields.get("pmid"),
    })
print(json.dumps({"entries": entries, "warnings": [l for l in log.splitlines() if "WARN" in l]}, ensure_ascii=False))
