#!/usr/bin/env bash
# Runs the Crm service on http://127.0.0.1:5080 against the local PostgreSQL default (data kept
# under .crm/), installing what is missing first. Arguments go to the host: ./run.sh --urls ...
# ./run.sh bench <suite> [args] runs a benchmark suite instead (see README.md, Benchmarks).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
crm_prerequisites service

if [ "${1:-}" = bench ]; then
  exec dotnet run -c Release --project Crm.Benchmarks -- "${@:2}"
fi

dotnet build Crm.Api/Crm.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet Crm.Api/bin/Release/net10.0/Crm.Api.dll "$@"
