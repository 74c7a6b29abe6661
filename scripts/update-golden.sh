#!/usr/bin/env bash
# Regenerates schemas, golden files and the plan drawing; review the result with `git diff` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/MapLint.Cli -- schemas schemas
MAPLINT_UPDATE_GOLDEN=1 dotnet test tests/MapLint.Cli.Tests --filter "GoldenOutputOverBrokenExamples|GoldenPlanOverExamples|SarifIsValidAgainstTheOfficialSchemaAndMatchesItsGolden|ImportWritesSortedEntityMetadataDocuments"
if command -v dot >/dev/null 2>&1; then
  dot -Tsvg tests/MapLint.Cli.Tests/golden/plan.dot -o docs/plan/initial-sync.svg
else
  echo "graphviz (dot) not found: docs/plan/initial-sync.svg not redrawn" >&2
fi
git --no-pager diff --stat -- tests/MapLint.Cli.Tests/golden schemas docs/plan
