#!/usr/bin/env bash
# Installs what building and testing evidence needs on a fresh Debian machine:
# the C libraries (libxml2, SQLite, zlib) and the real consumers the export tests run.
set -euo pipefail

apt_packages=(libxml2-dev libsqlite3-dev zlib1g-dev pkg-config)
optional_apt=(biber pandoc chromium)
missing=()
for p in "${apt_packages[@]}" "${optional_apt[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "install-deps: please install: ${missing[*]}" >&2
    fi
fi

python_packages=(bibtexparser rispy citeproc-py biopython)
python3 - "${python_packages[@]}" <<'PY' || python3 -m pip install --quiet --disable-pip-version-check "${python_packages[@]}"
import importlib.util, sys
names = {"bibtexparser": "bibtexparser", "rispy": "rispy", "citeproc-py": "citeproc", "biopython": "Bio"}
missing = [p for p in sys.argv[1:] if importlib.util.find_spec(names[p]) is None]
sys.exit(1 if missing else 0)
PY
