#!/bin/bash
# Prepares a PostgreSQL 17 server for the index cost measurements (docs/persistence.md "What the server pays
# per index"): databases c_db (C.UTF-8, as the embedded test server) and fr_db (fr_FR.UTF-8, as a French
# commune's Debian server often is) with gru-core's migrations up to $UPTO (19: the schema before V20).
# Needs: a running server (PGHOST, PGPORT, PGUSER; durable commits), psql and pgbench (Debian
# postgresql-client), the fr_FR.UTF-8 locale generated (locale-gen) before the server started.
# Then: PGDATA=<the server's data directory> ./all.sh (every variant) or ./rep.sh (the chosen ones, thrice).
set -euo pipefail
cd "$(dirname "$0")"
UPTO=${UPTO:-19}
scripts=../../gru-core/src/main/resources/db/opengru/core
psql -q -c "CREATE DATABASE c_db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
psql -q -c "CREATE DATABASE fr_db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'fr_FR.UTF-8'"
for db in c_db fr_db; do
  for v in $(seq 1 "$UPTO"); do
    psql -q -v ON_ERROR_STOP=1 -d $db -1 -f "$(ls $scripts/V${v}__*.sql)" >/dev/null
  done
  psql -q -d $db -f common.sql >/dev/null
done
