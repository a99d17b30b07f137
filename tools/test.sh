#!/usr/bin/env bash
# Install everything the tests need, lint, then run the whole test suite.
# Extra arguments go to pytest, e.g. bash tools/test.sh -k feeds
#
# Installs only what is missing, so a second run goes straight to the tests:
#   - Debian packages (as root): chromium (axe-core and the browser tests) and a Java
#     runtime (the Nu HTML Checker); `apt-get update` runs only when one is missing;
#   - the Nu HTML Checker (npm package vnu-jar) into .cache/npm (git-ignored);
#   - Hubspoke and its `test` extra into .venv (again only when pyproject.toml changed).
# Elsewhere than Debian, point HUBSPOKE_CHROMIUM at a Chromium or Chrome binary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
VNU_VERSION=26.9.27

missing=()
[[ -x "${HUBSPOKE_CHROMIUM:-/usr/bin/chromium}" ]] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "The tests need these Debian packages: ${missing[*]} (run this script as root to install them)" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

vnu_package=.cache/npm/node_modules/vnu-jar/package.json
if ! grep -q "\"version\": \"$VNU_VERSION\"" "$vnu_package" 2>/dev/null; then
  echo "Installing the Nu HTML Checker (vnu-jar $VNU_VERSION)"
  # --ignore-scripts: the package's postinstall would fetch a Java runtime; we use Debian's.
  npm install --prefix .cache/npm --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
    "vnu-jar@$VNU_VERSION" >/dev/null
fi

stamp=.venv/.hubspoke-test-installed
wanted=$(cat pyproject.toml tools/venv.sh | sha256sum | cut -d' ' -f1)
if [[ ! -x .venv/bin/python || "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
  HUBSPOKE_EXTRAS=test source tools/venv.sh
  echo "$wanted" >"$stamp"
fi

export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check plugins tests
.venv/bin/ruff format --check plugins tests
# Type checking (issue 15, item 8): `.venv/bin/mypy` (settings in pyproject.toml) still finds
# errors in the code merged since; it joins this script once it finds none.
.venv/bin/python -m pytest "$@"
