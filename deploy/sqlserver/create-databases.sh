#!/usr/bin/env bash
# The compose file's one-shot init container: waits for SQL Server, then creates each service's database and
# login (create-database.sql). Environment: MSSQL_SA_PASSWORD, SQLSERVER_HOST (default sqlserver),
# <SERVICE>_DB_PASSWORD for each database below (SQL Server's password policy applies; no ').
set -euo pipefail
sqlcmd="${SQLCMD:-/opt/mssql-tools18/bin/sqlcmd}"
host="${SQLSERVER_HOST:-sqlserver}"
here="$(cd "$(dirname "$0")" && pwd)"

for attempt in $(seq 60); do
  "$sqlcmd" -S "$host" -U sa -P "$MSSQL_SA_PASSWORD" -C -b -Q "SELECT 1" >/dev/null 2>&1 && break
  [ "$attempt" -eq 60 ] && { echo "SQL Server at $host did not answer"; exit 1; }
  sleep 2
done

# One database per service module; the intake host also holds the telephony module's.
databases=(intake telephony dispatch sla complaints returns)

for service in "${databases[@]}"; do
  var="$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  "$sqlcmd" -S "$host" -U sa -P "$MSSQL_SA_PASSWORD" -C -b -i "$here/create-database.sql" \
    -v Service="$service" Password="${!var:?$var is required}"
  echo "database $service ready"
done
