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
# The site's links are folder URLs (blog/, authors/…): opened as a file, a browser shows
# folder listings, so point at a web server instead.
echo "The hub is in site/. To read it, serve it: bash tools/site.sh --serve (rebuilds on edits),"
echo "or: python3 -m http.server --directory site 8000, then open http://127.0.0.1:8000/"
