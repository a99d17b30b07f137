#!/usr/bin/env bash
# Install everything the tests need, lint, then run the whole test suite.
# Extra arguments go to pytest, e.g. bash tools/test.sh -k feeds
set -euo pipefail
cd "$(dirname "$0")/.."
HUBSPOKE_EXTRAS=test source tools/venv.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check plugins tests
.venv/bin/ruff format --check plugins tests
.venv/bin/python -m pytest "$@"
