#!/usr/bin/env bash
# bench/seed.sh: a PostgreSQL cluster under target/bench/pg with the schema (made by the service's
# own Flyway migrations: the service is started once and stopped) and the large data set of
# bench/seed.sql: 1,000,000 comments over 10,000 articles, one article ('hot-article') with
# 10,000 approved comments, 100,000 pending.
#
#   bench/seed.sh                          # full size (a few minutes on 2 cores)
#   SEED_TOTAL=50000 SEED_HOT=2000 SEED_PENDING=5000 bench/seed.sh   # small, for development
#
# Leaves the cluster stopped, its data kept for load.sh, plans.sh, heap.sh and soak.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_tools
trap cleanup EXIT; trap "exit 130" INT TERM
pg_start
if ! psql_db -tAc "select 1 from information_schema.tables where table_name='comments'" | grep -q 1; then
  log "creating the schema: starting the service once for its Flyway migrations"
  app_start
  app_stop
fi
log "seeding ${SEED_TOTAL:-1000000} comments"
start=$(date +%s)
psql_db -v total="${SEED_TOTAL:-1000000}" -v articles="${SEED_ARTICLES:-10000}" \
  -v hot="${SEED_HOT:-10000}" -v pending="${SEED_PENDING:-100000}" -f "$ROOT/bench/seed.sql" | tee "$BENCH_DIR/seed.txt"
log "seeded in $(( $(date +%s) - start )) s"
