#!/usr/bin/env bash
# bench/load.sh: HTTP load harness. Starts PostgreSQL (Debian's 15, see lib.sh) and the service
# against it, warms the JIT up under a mix of all scenarios, then measures each scenario at each
# connection count with wrk (--latency), and the baselines in the same run:
#
#   health   GET /health/live                       read-path baseline (thread >= 0.8x target)
#   pgbench  one single-row INSERT per transaction  write-path baseline (submit >= 1.0x target)
#   submit   POST /api/articles/news-N/comments     unique realistic bodies (lua/bodies.lua)
#   thread   GET /api/articles/hot-article/comments first page and keyset-cursor pages
#   queue    GET /api/moderation/queue              Basic auth; first page and filtered pages
#   decide   POST /api/moderation/comments/ID/approve|reject   at the version read from the DB;
#                                                   409 (stale) counted apart
#
# Needs the seeded database (bench/seed.sh; run here first when the comments table is empty).
# Output: target/bench/results.md (markdown table) and target/bench/raw/* (wrk and pgbench
# outputs, pgbench per-transaction logs). Full run: 6 scenarios x 4 connection counts x
# (DURATION + ~5 s) + WARMUP + start-up, about 20 min with the defaults.
#
# Variables: WARMUP (s, default 90), DURATION (s per point, default 30), CONNECTIONS
# (default "1 8 32 128"), SCENARIOS (default "health pgbench submit thread queue decide"),
# XMX (service heap, default 512m), SEED_* (see seed.sh).
# Short development run: WARMUP=30 DURATION=5 CONNECTIONS="8" bench/load.sh (~3 min; with less than
# ~30 s of warm-up on a busy machine the first submits and Basic logins may not finish in it)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

WARMUP="${WARMUP:-90}"
DURATION="${DURATION:-30}"
CONNECTIONS="${CONNECTIONS:-1 8 32 128}"
SCENARIOS="${SCENARIOS:-health pgbench submit thread queue decide}"
RAW="$BENCH_DIR/raw"
RESULTS="$BENCH_DIR/results.md"

ensure_tools
mkdir -p "$RAW"
pg_start
if ! psql_db -tAc "select count(*) > 0 from comments" 2>/dev/null | grep -q t; then
  pg_stop
  "$ROOT/bench/seed.sh"
  pg_start
fi
trap cleanup EXIT; trap "exit 130" INT TERM
app_start

prepare_inputs

# the write-path baseline's table: the comments table's columns and indexes, empty
psql_db -q -c "drop table if exists bench_insert; drop sequence if exists bench_insert_seq;
  create table bench_insert (like comments including all); create sequence bench_insert_seq;"

seeded_max=$(psql_db -tA -c "select max(id) from comments")

log "warm-up ${WARMUP}s: submit, thread, queue, decide and health at once"
refresh_pending
warmers=()
for s in submit thread queue decide health; do
  wrk_run "$s" 4 "$WARMUP" >"$RAW/warmup-$s.txt" 2>&1 &
  warmers+=($!)
done
wait "${warmers[@]}" # not a bare wait: the service is a background job too

pgbench_run() { # connections duration -> RESULT line like the Lua scripts'
  local c=$1 d=$2 jobs=$(($1 < 2 ? 1 : 2)) prefix="$RAW/pgbench-log-$1"
  rm -f "$prefix".*
  psql_db -q -c "truncate bench_insert"
  pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -c "$c" -j "$jobs" -T "$d" \
    -f "$ROOT/bench/pgbench/insert.sql" --log --log-prefix="$prefix" "$PG_DB" >"$prefix.out" 2>&1
  local tps failed
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p' "$prefix.out")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$prefix.out")
  # per-transaction log: client transaction latency_us script epoch us
  cat "$prefix".* 2>/dev/null | awk '$1 ~ /^[0-9]+$/ && NF >= 6 {print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" '
    {v[NR] = $1} END {
      printf "RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d ok=%d conflicts=0 non2xx=%d socket_errors=0\n",
        tps, v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.90) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000, v[NR] / 1000,
        NR, NR, failed }'
  cat "$prefix.out"
}

{
  echo "# HTTP load, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine
  echo "- service -Xmx$XMX; warm-up ${WARMUP}s; ${DURATION}s per point; wrk -t 1 (1 connection) or 2, --timeout 10s"
  echo
  echo "| scenario | connections | req/s | p50 ms | p90 ms | p99 ms | max ms | 2xx | 409 | other non-2xx | socket errors | load avg |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$RESULTS"

declare -A RPS
for s in $SCENARIOS; do
  first=1
  for c in $CONNECTIONS; do
    if [ "$s" != pgbench ] && [ "$first" = 1 ]; then settle "$s" "$c"; first=0; fi
    out="$RAW/$s-$c.txt"
    load=$(cut -d' ' -f1 /proc/loadavg)
    log "$s, $c connections, ${DURATION}s"
    if [ "$s" = pgbench ]; then
      pgbench_run "$c" "$DURATION" >"$out" 2>&1
    else
      [ "$s" = decide ] && refresh_pending
      wrk_run "$s" "$c" "$DURATION" >"$out" 2>&1
    fi
    if ! grep -q RESULT "$out"; then log "no result for $s/$c, see $out"; continue; fi
    RPS[$s-$c]=$(field rps "$out")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s" "$c" \
      "$(field rps "$out")" "$(field p50_ms "$out")" "$(field p90_ms "$out")" "$(field p99_ms "$out")" \
      "$(field max_ms "$out")" "$(field ok "$out")" "$(field conflicts "$out")" "$(field non2xx "$out")" \
      "$(field socket_errors "$out")" "$load" >>"$RESULTS"
  done
done

{
  echo
  echo "Ratios in this run (targets: submit >= 1.0x pgbench with p99 <= 100 ms at 32 connections; thread >= 0.8x health):"
  echo
  echo "| connections | submit / pgbench | thread / health |"
  echo "|---:|---:|---:|"
  for c in $CONNECTIONS; do
    ratio() {
      local a="${RPS[$1-$c]:-}" b="${RPS[$2-$c]:-}"
      if [ -n "$a" ] && [ -n "$b" ]; then python3 -c "print(f'{$a / $b:.2f}')"; else echo n/a; fi
    }
    echo "| $c | $(ratio submit pgbench) | $(ratio thread health) |"
  done
  echo
  echo "Each scenario was run on its own until the JIT settled before its first point (bench/lib.sh settle): ${SETTLED:-skipped (SETTLE_MAX=0)}."
  echo
  echo "Statuses of the comments submitted in this run: $(psql_db -tA -c "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from comments where id > $seeded_max group by status) x")"
} >>"$RESULTS"
log "results in $RESULTS"
cat "$RESULTS"
