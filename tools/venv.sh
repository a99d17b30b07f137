# Sourced by the other scripts: create .venv and install Hubspoke (and, with
# HUBSPOKE_EXTRAS set, its extras) into it. Needs only Python 3.11+, pip and apt.
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Hubspoke needs Python 3.11 or newer (found $(python3 --version))" >&2
  exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    # Debian's python3 ships venv separately.
    rm -rf .venv
    if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv .venv
  fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${HUBSPOKE_EXTRAS:+[$HUBSPOKE_EXTRAS]}"
