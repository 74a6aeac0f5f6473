#!/usr/bin/env bash
# cfn-lint every template the tests synthesized (jest writes them to test-templates/, see
# test/support/synth.ts): zero errors and zero warnings allowed.
#
# cfn-lint does not know AWS::DirectConnect::ResiliencyGroup yet: schemas/ gives it that resource's
# registry schema and rules/ makes cfn-lint check its properties (see rules/RegistrySchemaProperties.py).
set -euo pipefail
dir=${1:-test-templates}
here=$(cd "$(dirname "$0")" && pwd)

# the pinned cfn-lint in .venv-cfnlint (created or reused by env.sh), never one on the PATH
bash "$here/env.sh" >/dev/null
cfnlint="$here/../../.venv-cfnlint/bin/cfn-lint"
lint() { "$cfnlint" --registry-schemas "$here/schemas" --append-rules "$here/rules" --format parseable "$@"; }
echo "$("$cfnlint" --version) (.venv-cfnlint)"

# The lint must be able to fail on what this library emits: a known-bad template has to be rejected,
# with the resiliency group's enum and pattern errors (only the custom rule reports those).
set +e
selfcheck=$(lint -- "$here/fixtures/invalid.json")
rc=$?
set -e
for want in "E3030:'ultra-resiliency'" "E3031:'has spaces'" "E9101:AuthKey of PlaintextKey" "E9101:PreSharedKey of PlaintextPsk"; do
  if [ $rc -eq 0 ] || ! grep -qF "$want" <<<"$selfcheck"; then
    echo "cfn-lint self-check failed: fixtures/invalid.json was not rejected with $want" >&2
    echo "$selfcheck" >&2
    exit 1
  fi
done

shopt -s nullglob
templates=("$dir"/*.json)
if [ ${#templates[@]} -eq 0 ]; then
  echo "no templates in $dir: run the jest tests first" >&2
  exit 1
fi
lint -- "${templates[@]}"
echo "cfn-lint: ${#templates[@]} distinct templates, 0 errors, 0 warnings"

# The fuzz test's templates (test/fuzz): the same checks, except E9101, since plain-text keys are accepted
# input (with a warning) that the fuzz feeds on purpose.
fuzzed=("$dir"/fuzz/*.json)
if [ ${#fuzzed[@]} -eq 0 ]; then
  echo "no templates in $dir/fuzz: the fuzz test (test/fuzz) did not run" >&2
  exit 1
fi
lint --ignore-checks E9101 -- "${fuzzed[@]}"
echo "cfn-lint: ${#fuzzed[@]} distinct fuzzed templates, 0 errors, 0 warnings"
