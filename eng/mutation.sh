#!/usr/bin/env bash
# Mutation testing of src/ElasticFunnels.Crm with Stryker.NET (the version pinned in
# .config/dotnet-tools.json), using the Microsoft Testing Platform runner and the library's own test
# project (tests/ElasticFunnels.Crm.Tests/stryker-config.json). The samples' tests are left out: their
# script tests start `dotnet run` for every mutant, minutes each, for behaviour the unit tests pin too.
#
# Usage: eng/mutation.sh [--since[=REF]] [--concurrency N] [--output DIR] [TARGET...]
#   TARGET   what to mutate; several may be given. Default: the whole library (about an hour on 2 cores).
#            A folder of the library:  Values   Http   Entries
#            A file of the library:    Values/ValueReader.cs   Guard.cs
#            A glob, matched against the file's full path: '**/*Rule.cs'   '!**/Export/**'
#   --since[=REF]    only files changed since REF (default main), plus the files whose tests changed.
#   --concurrency N  parallel test sessions (default: the number of cores).
#   --output DIR     where the report goes (default artifacts/mutation/<targets>).
#
# Writes DIR/reports/mutation-report.html and .json, and prints a table per folder and per file with
# the surviving and uncovered mutants (eng/mutation-report.py). Exit code 0 unless Stryker fails.
# Not part of .ci/run: even one folder takes minutes (a build, a full test run and a per-test coverage
# run before the first mutant). The scheduled workflow .github/workflows/mutation.yml calls this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
library="$root/src/ElasticFunnels.Crm"
test_project="$root/tests/ElasticFunnels.Crm.Tests"

since=""
concurrency="$(nproc 2>/dev/null || echo 2)"
output=""
patterns=()
labels=()

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --since) since="main"; shift ;;
    --since=*) since="${1#--since=}"; shift ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --concurrency=*) concurrency="${1#--concurrency=}"; shift ;;
    --output) output="$2"; shift 2 ;;
    --output=*) output="${1#--output=}"; shift ;;
    -*) echo "eng/mutation.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *)
      target="${1%/}"
      negate=""
      if [ "${target#!}" != "$target" ]; then negate="!"; target="${target#!}"; fi
      if [ -d "$library/$target" ]; then
        patterns+=("$negate**/src/ElasticFunnels.Crm/$target/**/*.cs")
      elif [ -f "$library/$target" ]; then
        patterns+=("$negate**/src/ElasticFunnels.Crm/$target")
      elif [[ "$target" == *[\*\?\[]* ]]; then
        case "$target" in
          /*|\*\**) patterns+=("$negate$target") ;;
          *) patterns+=("$negate**/$target") ;;
        esac
      else
        echo "eng/mutation.sh: '$target' is neither a folder nor a file of src/ElasticFunnels.Crm, nor a glob" >&2
        exit 2
      fi
      labels+=("$negate$target")
      shift ;;
  esac
done

includes=0
for pattern in "${patterns[@]+"${patterns[@]}"}"; do [ "${pattern#!}" = "$pattern" ] && includes=$((includes + 1)); done
if [ $includes -eq 0 ]; then
  # Nothing but exclusions (or nothing at all): they apply to the whole library.
  patterns=("**/src/ElasticFunnels.Crm/**/*.cs" "${patterns[@]+"${patterns[@]}"}")
  [ ${#labels[@]} -eq 0 ] && labels=("all")
fi
if [ -z "$output" ]; then
  label="$(IFS=+; echo "${labels[*]}" | tr -c 'A-Za-z0-9+._-' '_' | sed 's/_*$//')"
  output="$root/artifacts/mutation/${label:-all}${since:+-since}"
fi
mkdir -p "$output"
output="$(cd "$output" && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cd "$root"
dotnet tool restore >/dev/null

args=(--test-runner mtp --concurrency "$concurrency" --output "$output" --skip-version-check)
for pattern in "${patterns[@]}"; do args+=(--mutate "$pattern"); done
[ -n "$since" ] && args+=("--since:$since")

echo "== Stryker on ${labels[*]}${since:+ (changed since $since)}, $concurrency test session(s), report in $output"
started=$(date +%s)
# Stryker reads stryker-config.json from the directory it starts in; from the root it would see the
# solution and switch to solution mode, which ignores the test project list.
(cd "$test_project" && dotnet stryker "${args[@]}")
echo "== Stryker finished in $(( $(date +%s) - started )) s"

python3 "$root/eng/mutation-report.py" "$output/reports/mutation-report.json"
echo "HTML report: $output/reports/mutation-report.html"
