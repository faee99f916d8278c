#!/usr/bin/env bash
# Parse-only timing of PubMedParser against `xmllint --sax --noout` on the same file, in one session.
# Usage: scripts/parser-timing.sh [FILE] [RUNS]   (default: ../shared/corpus/pubmed/pubmed20n0014.xml.gz, 5 runs)
# Needs xmllint (apt-get install libxml2-utils). Builds the PubMed module in release mode and links a
# small harness (scripts/parser-timing/main.swift) against it; nothing is added to Package.swift.
set -eo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-../shared/corpus/pubmed/pubmed20n0014.xml.gz}
RUNS=${2:-5}
OUT=.build/parser-timing
swift build -c release --target PubMed >/dev/null
swiftc -O -I .build/release/Modules -I Sources/CLibXML2 $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    scripts/parser-timing/main.swift .build/release/PubMed.build/*.o $(pkg-config --libs libxml-2.0) -o "$OUT" 2>&1 | grep -v warning || true
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
xml_wall=(); xml_cpu=()
for _ in $(seq "$RUNS"); do
    line=$( { /usr/bin/time -f "%e %U %S" xmllint --sax --noout "$FILE" >/dev/null; } 2>&1 | tail -1)
    xml_wall+=("$(echo "$line" | awk '{print $1}')"); xml_cpu+=("$(echo "$line" | awk '{print $2 + $3}')")
done
xw=$(printf '%s\n' "${xml_wall[@]}" | median); xc=$(printf '%s\n' "${xml_cpu[@]}" | median)
echo "xmllint --sax --noout: median ${xw} s wall, ${xc} s cpu (${RUNS} runs)"
result=$("$OUT" "$FILE" "$RUNS" | tee /dev/stderr | tail -1)
pw=$(echo "$result" | awk '{print $2}'); pc=$(echo "$result" | awk '{print $5}'); pt=$(echo "$result" | awk '{print $8}')
awk -v pw="$pw" -v pc="$pc" -v pt="$pt" -v xw="$xw" -v xc="$xc" \
    'BEGIN {printf "ratio to xmllint: %.2fx wall, %.2fx cpu (all threads), %.2fx parse-thread cpu\n", pw / xw, pc / xc, pt / xc}'
