#!/usr/bin/env bash
# Consumer checks: the built artefacts, installed outside the repository the way users install them,
# must synthesize the same templates as the TypeScript example app built from source.
#
#   1. expected: the TypeScript example (examples/typescript) synthesized from src/ through the aws-cdk CLI
#   2. TypeScript consumer: dist/js/*.tgz + its peer dependencies from npm in a scratch app
#   3. Python consumer: dist/python/*.whl + aws-cdk-lib and constructs from PyPI in a fresh virtual
#      environment, running examples/python/app.py; then the Python tests (test/python)
#
# Each step fails loudly (npm, pip and pacmak errors are shown); nothing is skipped.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
cdk="$repo/node_modules/.bin/cdk"
tsnode="$repo/node_modules/.bin/ts-node"
compare() { "$tsnode" --project "$repo/test/tsconfig.json" "$repo/test/consumers/compare.ts" "$@"; }
step() { echo "consumers: $* ($(($(date +%s) - start)) s)"; }
start=$(date +%s)

shopt -s nullglob
tarballs=(dist/js/*.tgz)
wheels=(dist/python/*.whl)
if [ ${#tarballs[@]} -ne 1 ] || [ ${#wheels[@]} -ne 1 ]; then
  echo "consumers: expected one dist/js/*.tgz and one dist/python/*.whl, found ${#tarballs[@]} and ${#wheels[@]}: run npx projen package-all" >&2
  exit 1
fi
tarball="$repo/${tarballs[0]}"
wheel="$repo/${wheels[0]}"
# the same versions the TypeScript side is built and tested with (package.json devDependencies)
cdk_lib_version=$(node -p "require('./package.json').devDependencies['aws-cdk-lib']")
constructs_version=$(node -p "require('./package.json').devDependencies['constructs']")

work=$(mktemp -d "${TMPDIR:-/tmp}/dx-consumers.XXXXXX")
trap 'rm -rf "$work"' EXIT
synth() { # <cwd> <app command> <outdir>
  (cd "$1" && CDK_DISABLE_VERSION_CHECK=1 "$cdk" synth --quiet --no-notices --app "$2" --output "$3" >"$3.log" 2>&1) || {
    cat "$3.log" >&2
    echo "consumers: synth of '$2' failed" >&2
    return 1
  }
}

step "synthesizing the TypeScript example from source"
synth "$repo" "$tsnode --project examples/typescript/tsconfig.json --prefer-ts-exts examples/typescript/app.ts" "$work/expected"

step "TypeScript consumer: installing $(basename "$tarball") with aws-cdk-lib@$cdk_lib_version constructs@$constructs_version"
app="$work/ts-app"
mkdir -p "$app"
echo '{ "name": "dx-consumer-ts", "private": true }' >"$app/package.json"
(cd "$app" && npm install --no-audit --no-fund --prefer-offline --loglevel=error \
  "$tarball" "aws-cdk-lib@$cdk_lib_version" "constructs@$constructs_version" "@types/node@20")
# the example's own source, importing the package instead of ../../src
for f in stacks.ts app.ts; do
  sed 's#"\.\./\.\./src"#"cdk-direct-connect-resiliency"#' "examples/typescript/$f" >"$app/$f"
done
if grep -q '\.\./\.\./src' "$app"/*.ts; then
  echo "consumers: the TypeScript example still imports the source tree" >&2
  exit 1
fi
cat >"$app/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022", "module": "node16", "moduleResolution": "node16", "strict": true,
    "esModuleInterop": true, "skipLibCheck": true, "types": ["node"], "outDir": "out"
  },
  "files": ["app.ts", "stacks.ts"]
}
EOF
"$repo/node_modules/.bin/tsc" -p "$app/tsconfig.json"
synth "$app" "node out/app.js" "$work/ts-out"
compare "TypeScript consumer (npm tarball)" "$work/expected" "$work/ts-out"

step "Python consumer: installing $(basename "$wheel") with aws-cdk-lib==$cdk_lib_version constructs==$constructs_version"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check \
  "$wheel" "aws-cdk-lib==$cdk_lib_version" "constructs==$constructs_version"
synth "$repo/examples/python" "$work/venv/bin/python app.py" "$work/py-out"
compare "Python consumer (wheel)" "$work/expected" "$work/py-out"

step "Python consumer: tests"
"$work/venv/bin/python" "$repo/test/python/test_consumer.py" -v

step "done"
