#!/usr/bin/env bash
# Consumer checks: the built artefacts, installed outside the repository the way users install them,
# must synthesize the same templates as the TypeScript example app built from source.
#
#   1. expected: the TypeScript example (examples/typescript) synthesized from src/ through the aws-cdk CLI,
#      with the app command of cdk.json
#   2. TypeScript consumer: dist/js/*.tgz + its peer dependencies from npm in a scratch app
#      and its command `dx-resiliency estate` on every estate fixture (test/estate)
#   3. Python consumer: dist/python/*.whl + aws-cdk-lib and constructs from PyPI in a fresh virtual
#      environment, running examples/python/app.py and type-checking it with pyright; then the Python
#      tests (test/python: the estate reader among them, against test/estate/verdicts.json) and the Python
#      translations of the @examples and README blocks (test/python/run_examples.py)
#   4. both consumers again with the newest aws-cdk-lib (pinned below), which validates every template at
#      synth (2.262.0 and later): with the recommended feature flags of cdk.json, among them
#      @aws-cdk/core:validateAgainstDefaultRules (findings fail synth), and `cdk synth --strict` (warnings
#      fail synth); validation-report.ts then checks the report (nothing reported; F3006 acknowledged on
#      the resiliency groups only) and the templates are compared with the expected ones
#
# Each step fails loudly (npm, pip and pacmak errors are shown); nothing is skipped.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
cdk="$repo/node_modules/.bin/cdk"
# --transpile-only: the test task type-checks src/, examples/ and test/ already (~2 s less per run)
tsnode="$repo/node_modules/.bin/ts-node"
compare() { "$tsnode" --transpile-only --project "$repo/test/tsconfig.json" "$repo/test/consumers/compare.ts" "$@"; }
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
# The newest aws-cdk-lib the consumers also synthesize with (step 4). To bump, set them to
# `npm view aws-cdk-lib version` and the newest of `pip index versions aws-cdk-lib` (PyPI is often one
# release behind npm), then run `npx projen test:consumers`.
newest_cdk_lib_npm=2.276.0
newest_cdk_lib_pypi=2.275.0
# pyright type-checks examples/python/app.py against the wheel's typing (step 3), as a user's editor does.
# To bump, set it to the newest of `pip index versions pyright`.
pyright_version=1.1.414

work=$(mktemp -d "${TMPDIR:-/tmp}/dx-consumers.XXXXXX")
trap 'rm -rf "$work"' EXIT
synth() { # <cwd> <app command> <outdir> [cdk synth options]
  (cd "$1" && CDK_DISABLE_VERSION_CHECK=1 "$cdk" synth --quiet --no-notices --app "$2" --output "$3" "${@:4}" >"$3.log" 2>&1) || {
    cat "$3.log" >&2
    echo "consumers: synth of '$2' failed" >&2
    return 1
  }
}

# synth with the validation's findings as errors and warnings failing synth, then check its report
validated_synth() { # <label> <cwd> <app command> <outdir>
  synth "$2" "$3" "$4" --strict --context "@aws-cdk/core:validateAgainstDefaultRules=true"
  "$tsnode" --transpile-only --project "$repo/test/tsconfig.json" "$repo/test/consumers/validation-report.ts" "$1" "$4"
}

step "synthesizing the TypeScript example from source"
# with the app command of cdk.json, the one Quick start's `npx cdk synth` runs
synth "$repo" "$(node -p "require('./cdk.json').app")" "$work/expected"
# `cdk synth` writes a report per construct into the cloud assembly (issue 9), the consumers the same ones
reports=(DxProduction.Dx DxBranch.Dx DxLab.Lab)
same_reports() { # <label> <dir>
  for r in "${reports[@]}"; do
    if [ ! -s "$2/$r.dx-report.md" ] || ! cmp -s "$work/expected/$r.dx-report.md" "$2/$r.dx-report.md"; then
      echo "consumers: $1: $r.dx-report.md is missing or differs from the TypeScript example's" >&2
      return 1
    fi
  done
  echo "$1: ${#reports[@]} reports identical to the TypeScript example's"
}
for r in "${reports[@]}"; do
  if ! grep -q "^\*\*Verdict (computed): " "$work/expected/$r.dx-report.md"; then
    echo "consumers: the example's cloud assembly has no report $r.dx-report.md with a computed verdict" >&2
    exit 1
  fi
done

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
# the recommended feature flags, as `cdk init` writes them (the repository's cdk.json has them, and so
# examples/python/cdk.json): the expected templates are synthesized with them, and the failover drill's
# role policy depends on one (@aws-cdk/aws-iam:minimizePolicies merges its statements)
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify({ context: JSON.parse(fs.readFileSync(process.argv[1], "utf8")).context }))' \
  "$repo/cdk.json" "$app/cdk.json"
synth "$app" "node out/app.js" "$work/ts-out"
compare "TypeScript consumer (npm tarball)" "$work/expected" "$work/ts-out"
same_reports "TypeScript consumer (npm tarball)" "$work/ts-out"

step "TypeScript consumer: dx-resiliency estate --from each estate fixture (the installed bin)"
# the command of the installed package on the saved outputs of every fixture: its verdict lines are
# test/estate/verdicts.json's, and it exits 1 exactly where a claim fails (FAIL)
for dir in "$repo"/test/estate/fixtures/*/; do
  name=$(basename "$dir")
  set +e
  (cd "$app" && ./node_modules/.bin/dx-resiliency estate --from "$dir" --report "$work/estate-$name.md") \
    >"$work/estate-$name.txt" 2>"$work/estate-$name.err"
  code=$?
  set -e
  node -e '
    const fs = require("fs");
    const [verdicts, name, out, code] = process.argv.slice(1);
    const want = JSON.parse(fs.readFileSync(verdicts, "utf8"))[name].verdicts;
    const got = fs.readFileSync(out, "utf8").split("\n").filter((l) => /^(PASS|FAIL|INFO) /.test(l));
    const exit = want.some((l) => l.startsWith("FAIL ")) ? 1 : 0;
    if (JSON.stringify(got) !== JSON.stringify(want) || Number(code) !== exit) {
      console.error(`consumers: dx-resiliency estate on ${name} exited ${code} (expected ${exit}) with:\n${got.join("\n")}\nexpected:\n${want.join("\n")}`);
      process.exit(1);
    }' "$repo/test/estate/verdicts.json" "$name" "$work/estate-$name.txt" "$code" || { cat "$work/estate-$name.err" >&2; exit 1; }
  grep -q '^# Direct Connect estate report: ' "$work/estate-$name.md"
  # the code that adopts the estate, for the Python consumer's test to run with the wheel
  mkdir -p "$work/estate-python"
  (cd "$app" && ./node_modules/.bin/dx-resiliency estate --from "$dir" --report "$work/estate-$name.md" \
    --emit-code python --fail-on none) >"$work/estate-python/$name.py" 2>/dev/null
done
echo "TypeScript consumer (npm tarball): dx-resiliency estate gives the verdicts and exit codes of every fixture"

step "Python consumer: installing $(basename "$wheel") with aws-cdk-lib==$cdk_lib_version constructs==$constructs_version"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check \
  "$wheel" "aws-cdk-lib==$cdk_lib_version" "constructs==$constructs_version"
synth "$repo/examples/python" "$work/venv/bin/python app.py" "$work/py-out"
compare "Python consumer (wheel)" "$work/expected" "$work/py-out"
same_reports "Python consumer (wheel)" "$work/py-out"

# the wheel installs the command too (jsii runs the package's bin through Node.js)
"$work/venv/bin/dx-resiliency" estate --from "$repo/test/estate/fixtures/maximum" --report "$work/py-estate.md" \
  | grep '^PASS gateway core-dxgw ' >/dev/null || {
  echo "consumers: the wheel's dx-resiliency estate did not give the verdict of the fixture maximum" >&2
  exit 1
}
echo "Python consumer (wheel): dx-resiliency estate runs from the virtual environment"

# The example type-checks against the wheel as installed (its typing: an Optional such as `monitoring` is
# checked before use, pyright's reportOptionalMemberAccess). The PyPI pyright runs the npm pyright of the
# same version with the machine's Node.js.
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "pyright==$pyright_version"
(cd "$repo/examples/python" && "$work/venv/bin/pyright" --pythonpath "$work/venv/bin/python" app.py)
echo "Python consumer (wheel): examples/python/app.py passes pyright $pyright_version"

step "Python consumer: tests"
DX_ESTATE_PYTHON="$work/estate-python" "$work/venv/bin/python" "$repo/test/python/test_consumer.py" -v

"$work/venv/bin/python" "$repo/test/python/run_examples.py" "$repo/.jsii.tabl.json"

# Step 4. Templates differ from the expected ones only in CDKMetadata (its Analytics string encodes the
# aws-cdk-lib version), which compare.ts leaves out for every consumer already.
step "TypeScript consumer: aws-cdk-lib@$newest_cdk_lib_npm, recommended flags, --strict"
(cd "$app" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "aws-cdk-lib@$newest_cdk_lib_npm")
"$repo/node_modules/.bin/tsc" -p "$app/tsconfig.json" # the package's typings against the newest aws-cdk-lib
# the app's cdk.json has the recommended feature flags since step 2
validated_synth "TypeScript consumer, aws-cdk-lib $newest_cdk_lib_npm" "$app" "node out/app.js" "$work/ts-newest"
compare "TypeScript consumer, aws-cdk-lib $newest_cdk_lib_npm" "$work/expected" "$work/ts-newest"

step "Python consumer: aws-cdk-lib==$newest_cdk_lib_pypi, recommended flags (examples/python/cdk.json), --strict"
# --no-compile: byte-compiling aws-cdk-lib takes ~20 s; the newest imports its modules lazily, so its one
# synth is ~1 s slower without (aws-cdk-lib 2.241.0 is not: ~20 s per process, which its three runs need)
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-compile "aws-cdk-lib==$newest_cdk_lib_pypi"
validated_synth "Python consumer, aws-cdk-lib $newest_cdk_lib_pypi" "$repo/examples/python" "$work/venv/bin/python app.py" "$work/py-newest"
compare "Python consumer, aws-cdk-lib $newest_cdk_lib_pypi" "$work/expected" "$work/py-newest"

step "done"
