#!/usr/bin/env bash
# The pinned cfn-lint (requirements-dev.txt) in a virtual environment of its own, .venv-cfnlint/ at the
# root of the repository: created when missing, reinstalled when an installed version differs from the
# pin (or the environment no longer runs, e.g. its Python was removed), reused as it is otherwise (a
# fraction of a second). Everything that runs cfn-lint or reads its files uses this environment, never
# a cfn-lint on the PATH: test/cfn-lint/lint-templates.sh, test/constructs/replacement.test.ts.
#
# Needs only Python 3 with venv and pip (on Debian and Ubuntu the python3-venv package), and PyPI the
# first time. The build runs it before the tests (npx projen cfn-lint:env).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
venv="$repo/.venv-cfnlint"
requirements="$repo/requirements-dev.txt"

# Every `name==version` line of the requirements must be installed at exactly that version.
check='
import sys
from importlib import metadata
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, _, pinned = line.partition("==")
    try:
        installed = metadata.version(name.strip())
    except metadata.PackageNotFoundError:
        installed = "not installed"
    if installed != pinned.strip():
        sys.exit(f"{name.strip()} {installed}, pinned {pinned.strip()}")
'

if state=$("$venv/bin/python" -c "$check" "$requirements" 2>&1); then
  echo "cfn-lint:env: $(sed -n 's/^cfn-lint==/cfn-lint /p' "$requirements") in .venv-cfnlint (reused)"
  exit 0
fi
if "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
  echo "cfn-lint:env: .venv-cfnlint does not match requirements-dev.txt (${state##*$'\n'}): installing the pins"
else
  echo "cfn-lint:env: creating .venv-cfnlint with $(command -v python3) ($(python3 --version 2>&1))"
  # --clear: what is left of a broken environment (its Python gone, no pip) is rebuilt from nothing
  python3 -m venv --clear "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
"$venv/bin/python" -c "$check" "$requirements"
echo "cfn-lint:env: $("$venv/bin/cfn-lint" --version) in .venv-cfnlint (installed)"
