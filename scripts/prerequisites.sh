#!/usr/bin/env bash
# Installs what the service and the tests need and is missing: the PostgreSQL server programs
# (initdb, pg_ctl) from the OS packages where apt-get is available. The .NET SDK must be present.
# Sourced by run.sh and test.sh.
set -euo pipefail

crm_find_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  return 1
}

crm_ensure_postgres() {
  crm_find_initdb && return 0
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "PostgreSQL server not found: installing it from the OS packages (apt-get install postgresql)..." >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgresql-contrib >&2
    crm_find_initdb && return 0
  fi
  echo "The PostgreSQL server programs (initdb, pg_ctl) are missing and could not be installed here." >&2
  echo "Install the PostgreSQL 15+ server package for your system, or set ConnectionStrings__Crm" >&2
  echo "to an existing server." >&2
  return 1
}

crm_ensure_postgres_user() {
  # As root, PostgreSQL runs as the 'postgres' OS user; the OS package creates it.
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "Creating the 'postgres' OS user that PostgreSQL runs as under root..." >&2
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

crm_ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is missing: install it (see https://dot.net) and run this again." >&2
    return 1
  fi
}

crm_ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "node and npm not found: installing them from the OS packages..." >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >&2
    return 0
  fi
  echo "node and npm are missing: install Node.js 18+ (the conformance tests run graphql-js tools)." >&2
  return 1
}

# The conformance tools (graphql-http audit, graphql-js) from the committed lock file.
crm_install_conformance_tools() {
  crm_ensure_node
  (cd conformance && npm ci --no-audit --no-fund --loglevel=error >&2)
}

# crm_prerequisites service|tests: the local cluster is needed unless a server is configured.
crm_prerequisites() {
  crm_ensure_dotnet
  local configured
  if [ "${1:-service}" = tests ]; then configured="${CRM_TEST_POSTGRES:-}"; else configured="${ConnectionStrings__Crm:-}"; fi
  if [ -z "$configured" ]; then
    crm_ensure_postgres
    crm_ensure_postgres_user
  fi
}
