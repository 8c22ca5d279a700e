#!/usr/bin/env bash
# bench/soak.sh: mixed load for SOAK_MINUTES (default 10) on the seeded database (bench/seed.sh):
# lua/mixed.lua, 70 % thread reads, 20 % submits, 5 % queue reads, 5 % decisions, at
# SOAK_CONNECTIONS (default 32), after WARMUP seconds (default 90). One wrk run per minute, so
# every minute has its own req/s, p50/p99 and error counts; between minutes a full GC
# (jcmd GC.run, ~1 s without load) and the heap in use after it (jcmd GC.heap_info), plus the
# JVM's GC counters (jstat -gcutil). A leak shows as heap-after-GC climbing minute by minute.
#
#   bench/soak.sh                                   -> target/bench/soak.md (~13 min)
#   SOAK_MINUTES=2 WARMUP=10 bench/soak.sh          (development)
#   XMX=384m bench/soak.sh                          (the heap under test; default 512m)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SOAK_MINUTES="${SOAK_MINUTES:-10}"
SOAK_CONNECTIONS="${SOAK_CONNECTIONS:-32}"
WARMUP="${WARMUP:-90}"
OUT="${SOAK_OUT:-$BENCH_DIR/soak.md}"
RAW="$BENCH_DIR/raw"
mkdir -p "$RAW"
ensure_tools
trap cleanup EXIT; trap "exit 130" INT TERM
pg_start
app_start
prepare_inputs
soak_run "$SOAK_MINUTES" "$SOAK_CONNECTIONS" "$WARMUP" "$OUT"
log "soak table in $OUT"
cat "$OUT"
