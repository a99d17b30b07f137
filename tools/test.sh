#!/usr/bin/env bash
# Install everything the tests need, lint, then run the whole test suite.
# Extra arguments go to pytest, e.g. bash tools/test.sh -k feeds
# The tests run on every core (pytest-xdist); HUBSPOKE_TEST_WORKERS=1 runs them in one process.
#
# Installs only what is missing, so a second run goes straight to the tests:
#   - Debian packages (as root): chromium (axe-core and the browser tests) and a Java
#     runtime (the Nu HTML Checker); `apt-get update` runs only when one is missing;
#   - the Nu HTML Checker (npm package vnu-jar) and Lighthouse (npm package lighthouse)
#     into .cache/npm (git-ignored);
#   - Hubspoke and its `test` extra into .venv (again only when pyproject.toml changed).
# Elsewhere than Debian, point HUBSPOKE_CHROMIUM at a Chromium or Chrome binary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
VNU_VERSION=26.9.27
# The last Lighthouse that runs on Debian's Node.js (13 wants Node 22).
LIGHTHOUSE_VERSION=12.8.2

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

# Both in one npm command, always: without a package.json, npm removes from .cache/npm
# whatever the command does not name.
npm_wanted=("vnu-jar@$VNU_VERSION" "lighthouse@$LIGHTHOUSE_VERSION")
for wanted_package in "${npm_wanted[@]}"; do
  package_json=".cache/npm/node_modules/${wanted_package%@*}/package.json"
  if ! grep -q "\"version\": \"${wanted_package##*@}\"" "$package_json" 2>/dev/null; then
    echo "Installing the Nu HTML Checker (vnu-jar $VNU_VERSION) and Lighthouse $LIGHTHOUSE_VERSION"
    # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime (we use Debian's);
    # Lighthouse needs no script and drives Debian's Chromium (CHROME_PATH).
    npm install --prefix .cache/npm --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
      "${npm_wanted[@]}" >/dev/null
    break
  fi
done

stamp=.venv/.hubspoke-test-installed
wanted=$(cat pyproject.toml tools/venv.sh | sha256sum | cut -d' ' -f1)
if [[ ! -x .venv/bin/python || "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
  HUBSPOKE_EXTRAS=test source tools/venv.sh
  echo "$wanted" >"$stamp"
fi

export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check plugins tests
.venv/bin/ruff format --check plugins tests
.venv/bin/mypy  # type checking, settings in pyproject.toml [tool.mypy]
# On every core (HUBSPOKE_TEST_WORKERS=1 for one process); a test file stays on one worker.
.venv/bin/python -m pytest -n "${HUBSPOKE_TEST_WORKERS:-auto}" --dist loadfile "$@"
