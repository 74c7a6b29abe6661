#!/usr/bin/env bash
# The byte fuzzer's long mode in resumable batches (README, "Hostile repositories and secrets"):
#
#   scripts/fuzz-long.sh PROPERTY FROM TO [BATCH] [LOG]
#
# runs cases FROM..TO-1 of the property (EveryKindMutatedAtTheByteLevelKeepsEveryOracle or
# ConfigurationFilesMutatedAtTheByteLevelAreReportedNeverThrown) BATCH at a time (default 5000), one `dotnet test`
# per batch over the Release build, on every core (MAPLINT_FUZZ_WORKERS to change). Each batch done appends a line
# to LOG (default fuzz-long.log): property, first case, count, seconds, commit. A batch already in the log for
# this commit is skipped, so the same command continues where a stopped run ended. A failing batch stops the
# script and its output, with the case's replay command, is kept in LOG.failed.
set -euo pipefail
property=${1:?property}
from=${2:?first case}
to=${3:?end case}
batch=${4:-5000}
log=${5:-fuzz-long.log}
cd "$(dirname "$0")/.."
commit=$(git rev-parse --short HEAD)
for ((start = from; start < to; start += batch)); do
  count=$((to - start < batch ? to - start : batch))
  if grep -q "^$property $start $count .* $commit\$" "$log" 2>/dev/null; then
    continue
  fi
  began=$(date +%s)
  if ! out=$(MAPLINT_FUZZ_FROM=$start MAPLINT_FUZZ_CASES=$count dotnet test tests/MapLint.Core.Tests -c Release --no-build \
      --filter "FullyQualifiedName~ByteMutationFuzzTests.$property" --logger "console;verbosity=detailed" 2>&1); then
    printf '%s\n' "$out" > "$log.failed"
    echo "$property: batch from $start failed; see $log.failed" >&2
    exit 1
  fi
  printf '%s\n' "$out" | grep -E "oracles held|cases per kind" >> "$log.detail" || true
  echo "$property $start $count ok $(( $(date +%s) - began )) s $commit" >> "$log"
done
