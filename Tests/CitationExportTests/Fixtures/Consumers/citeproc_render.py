"""Renders a bibliography with citeproc-py from CSL-JSON (argv[2] == "json") or BibTeX ("bibtex"),
and prints each item's parsed fields and the rendered entries as JSON.

citeproc-py's BibTeX reader fails on a whole file when one brace group ends in a command that
takes no argument (`{\\o}`, `{\\ss}`: its LaTeX tokenizer reads past the group's end), so BibTeX
entries are loaded one by one and the ones it cannot read are reported under "failed"."""
import json
import os
import sys
import tempfile
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.bibtex import BibTeX
from citeproc.source.json import CiteProcJSON

warnings.simplefilter("ignore")
path, kind = sys.argv[1], sys.argv[2]
failed = []
if kind == "json":
    with open(path, encoding="utf-8") as handle:
        items = json.load(handle)
    source = CiteProcJSON(items)
    keys = [item["id"] for item in items]
else:
    with open(path, encoding="utf-8") as handle:
        chunks = ["@" + c if i else c for i, c in enumerate(handle.read().split("\n@"))]
    readable = []
    for chunk in chunks:
        key = chunk[chunk.index("{") + 1:chunk.index(",")].strip()
        with tempfile.NamedTemporaryFile("w", suffix=".bib", delete=False, encoding="utf-8") as single:
            single.write(chunk)
        try:
            BibTeX(single.name, encoding="utf-8")
            readable.append(chunk)
        except Exception as error:
            failed.append({"key": key, "error": type(error).__name__})
        finally:
            os.unlink(single.name)
    with tempfile.NamedTemporaryFile("w", suffix=".bib", delete=False, encoding="utf-8") as whole:
        whole.write("\n".join(readable))
    source = BibTeX(whole.name, encoding="utf-8")
    os.unlink(whole.name)
    keys = list(source.keys())

style = CitationStylesStyle("harvard-cite-them-right", validate=False)
bibliography = CitationStylesBibliography(style, source, formatter.plain)
for key in keys:
    bibliography.register(Citation([CitationItem(key)]))


def field(reference, name):
    try:
        return reference[name]
    except Exception:
        return None


def issued_year(issued):
    """The first year of a CSL date, a citeproc-py Date or a DateRange."""
    if issued is None:
        return None
    for path in (("date-parts",), ("begin",), ()):
        value = issued
        try:
            for name in path:
                value = value[name]
            if path == ("date-parts",):
                return str(value[0][0])
            return str(value["year"])
        except Exception:
            continue
    return None


def text(value):
    return None if value is None else str(value)


entries = []
for key in keys:
    reference = source[key.lower()] if key.lower() in source else source[key]
    authors = field(reference, "author") or []
    first = authors[0] if authors else None
    if first is not None:
        first = text(field(first, "family") or field(first, "literal") or field(first, "name"))
    year = issued_year(field(reference, "issued"))
    entries.append({
        "key": key,
        "title": text(field(reference, "title")),
        "author": first,
        "year": year,
        "journal": text(field(reference, "container_title")),
        "doi": text(field(reference, "DOI") or field(reference, "doi")),
        "pmid": text(field(reference, "PMID") or field(reference, "pmid")),
    })
rendered = [str(item) for item in bibliography.bibliography()]
print(json.dumps({"entries": entries, "rendered": rendered, "failed": failed}, ensure_ascii=False))
