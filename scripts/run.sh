#!/usr/bin/env bash
# The main job, end to end, on a fresh machine:
#   1. install the C libraries and build evidence (release);
#   2. fill the index: fetch the default corpus from PubMed when the network is there,
#      otherwise ingest local PubMed XML (a path given as $1, else Corpus/, else ../shared/corpus);
#   3. show what is in it (stats, a search, one record);
#   4. fact-check a patient article against it.
#
# Usage: scripts/run.sh [XML-PATH...]     (EVIDENCE_ARTICLE=FILE to check another article)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product evidence
evidence=(.build/release/evidence)
index=Index/evidence.sqlite
mkdir -p Index

articles_in_index() {
    "${evidence[@]}" stats --format json --index "$index" 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])' 2>/dev/null || echo 0
}

if [ $# -gt 0 ]; then
    "${evidence[@]}" ingest --optimize --index "$index" "$@"
elif [ "$(articles_in_index)" = 0 ]; then
    if "${evidence[@]}" fetch --corpus Corpus/ketamine-trd.json --index "$index"; then
        :
    else
        echo "run: could not fetch from PubMed (no network?)." >&2
        echo "run: ingesting local PubMed XML instead; point evidence at any XML with: evidence ingest PATH..." >&2
        local_xml=()
        [ -d Corpus/pubmed ] && local_xml+=(Corpus/pubmed)
        [ -d ../shared/corpus/ketamine ] && local_xml+=(../shared/corpus/ketamine)
        [ -f ../shared/corpus/pubmed/pubmed21n1298.xml.gz ] && local_xml+=(../shared/corpus/pubmed/pubmed21n1298.xml.gz)
        if [ ${#local_xml[@]} -eq 0 ]; then
            echo "run: no local XML found; pass a path: scripts/run.sh PATH..." >&2
            exit 1
        fi
        "${evidence[@]}" ingest --optimize --index "$index" "${local_xml[@]}"
    fi
fi

"${evidence[@]}" stats --index "$index"
"${evidence[@]}" search --index "$index" --limit 5 'esketamine AND treatment-resistant depression'
first=$("${evidence[@]}" search --index "$index" --limit 1 --format pmids 'esketamine[tiab]' || true)
[ -n "$first" ] && "${evidence[@]}" show --index "$index" "$first"

article=${EVIDENCE_ARTICLE:-../shared/articles/lifemd-ketamine-therapy-for-depression.txt}
if [ -f "$article" ]; then
    "${evidence[@]}" check --index "$index" "$article"
else
    echo "run: no article to check at $article (set EVIDENCE_ARTICLE=FILE)" >&2
fi
