#!/usr/bin/env bash
# Builds everything and runs every test, installing what is missing first. Tests start their own
# throwaway PostgreSQL cluster (or use CRM_TEST_POSTGRES, a connection string, when set).
# Extra arguments go to dotnet test, e.g. ./test.sh --filter "FullyQualifiedName~EventStore".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
crm_prerequisites tests
crm_install_conformance_tools

dotnet build Crm.sln -c Release -nologo -v quiet -clp:ErrorsOnly
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Crm.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
exit "$status"
