#!/usr/bin/env bash
# Installs Ralph, the open-source Learning Record Store from PyPI (ralph-malph), into a
# virtual environment outside the repository, for the xAPI tests. `make test` calls it.
# It does nothing when the pinned version is already installed, so repeated runs are quick.
# Prints the path of the `ralph` command on its last line.
set -euo pipefail

version="5.1.0"
venv="${HERKEN_RALPH_VENV:-$HOME/.cache/herken-ralph/venv-$version}"
ralph="$venv/bin/ralph"

if [[ -x "$ralph" && -f "$venv/.installed" ]]; then
  echo "install-ralph: ralph-malph $version is present in $venv" >&2
  echo "$ralph"
  exit 0
fi

python="${HERKEN_PYTHON:-python3.11}"
if ! command -v "$python" >/dev/null; then
  echo "install-ralph: $python not found; install Python 3.11 or set HERKEN_PYTHON" >&2
  exit 1
fi

echo "install-ralph: installing ralph-malph $version into $venv" >&2
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "ralph-malph[cli,lrs]==$version" requests >&2
"$ralph" --help >/dev/null
touch "$venv/.installed"
echo "$ralph"
