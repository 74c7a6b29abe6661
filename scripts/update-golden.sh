#!/usr/bin/env bash
# Regenerates golden files and schemas; review the result with `git diff` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/MapLint.Cli -- schemas schemas
MAPLINT_UPDATE_GOLDEN=1 dotnet test tests/MapLint.Cli.Tests --filter GoldenOutputOverBrokenExamples
git --no-pager diff --stat -- tests/MapLint.Cli.Tests/golden schemas
