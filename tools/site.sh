#!/usr/bin/env bash
# Install Hubspoke into .venv and build the example hub into site/ in strict mode.
# With --serve, serve it on http://127.0.0.1:8000/ instead (reloads on edits).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/venv.sh
export NO_MKDOCS_2_WARNING=1
if [[ "${1:-}" == "--serve" ]]; then
  exec .venv/bin/mkdocs serve --strict
fi
.venv/bin/mkdocs build --strict
echo "The hub is in site/ (open site/index.html, or run: bash tools/site.sh --serve)"
