#!/usr/bin/env bash
# bench/heap.sh: the heap the service needs on the seeded database (bench/seed.sh). For each
# -Xmx in XMX_LIST (default "192m 256m 384m 512m") starts the service, warms it up, then runs the
# soak's mixed load (lua/mixed.lua) for HEAP_MINUTES one-minute rounds at 32 connections and
# records req/s, p99, GC counters and heap after a full GC per minute. The smallest -Xmx whose
# throughput and p99 match the largest one's, without the GC time climbing, is the answer.
#
#   bench/heap.sh                      -> target/bench/heap-<xmx>.md (~4 x 6 min)
#   XMX_LIST="256m" HEAP_MINUTES=1 WARMUP=10 bench/heap.sh     (development)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
XMX_LIST="${XMX_LIST:-192m 256m 384m 512m}"
HEAP_MINUTES="${HEAP_MINUTES:-3}"
WARMUP="${WARMUP:-90}"
RAW="$BENCH_DIR/raw"
mkdir -p "$RAW"
ensure_tools
trap cleanup EXIT; trap "exit 130" INT TERM
pg_start
for XMX in $XMX_LIST; do
  app_start
  prepare_inputs
  soak_run "$HEAP_MINUTES" 32 "$WARMUP" "$BENCH_DIR/heap-$XMX.md" || log "-Xmx$XMX did not hold"
  app_stop
done
cat "$BENCH_DIR"/heap-*.md
