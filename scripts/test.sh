#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs dependencies, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
