"""Uses pandoc on a bibliography (CSL-JSON or BibTeX): converts it to CSL-JSON (pandoc's own
parse) and renders it with `pandoc --citeproc`, printing fields and rendered entries as JSON."""
import json
import subprocess
import sys

path, kind = sys.argv[1], sys.argv[2]
converted = subprocess.run(["pandoc", "-f", kind, "-t", "csljson", path], capture_output=True, text=True)
if converted.returncode != 0:
    sys.exit("pandoc conversion failed: " + converted.stderr)
items = json.loads(converted.stdout)
document = "---\nnocite: '@*'\n---\n"
rendered = subprocess.run(["pandoc", "--citeproc", "--bibliography", path, "-f", "markdown", "-t", "plain", "--wrap=none"],
                          input=document, capture_output=True, text=True)
if rendered.returncode != 0 or "[WARNING]" in rendered.stderr:
    sys.exit("pandoc --citeproc failed: " + rendered.stderr)


def first_author(item):
    authors = item.get("author") or []
    if not authors:
        return None
    return authors[0].get("family") or authors[0].get("literal")


entries = [{
    "key": item.get("id"),
    "title": item.get("title"),
    "author": first_author(item),
    "year": str(item["issued"]["date-parts"][0][0]) if item.get("issued", {}).get("date-parts") else None,
    "journal": item.get("container-title"),
    "doi": item.get("DOI"),
    "pmid": item.get("PMID") or item.get("pmid"),
} for item in items]
paragraphs = [p for p in rendered.stdout.split("\n\n") if p.strip()]
print(json.dumps({"entries": entries, "rendered": paragraphs}, ensure_ascii=False))
