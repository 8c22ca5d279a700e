#!/usr/bin/env bash
# bench/two.sh: one instance against two instances on one PostgreSQL, in the same run, with the
# pgbench write baseline beside them. Starts PostgreSQL and two services like load.sh (seeded
# database needed: bench/seed.sh), warms both up with submissions (WARMUP s, default 90), then for
# ROUNDS rounds (default 2) runs, DURATION s each (default 20), at $CONNECTIONS (default 32):
#
#   pgbench  single-row INSERT per transaction (the baseline of load.sh)
#   one      lua/submit.lua, all connections to instance A
#   two      lua/submit.lua, half the connections to A, half to B (two wrk processes)
#
# and reports per point: submissions (or INSERTs) per second, p99 (the worse of the two wrk
# processes for "two"), and the PostgreSQL server's CPU per operation. Output: target/bench/two.md.
# Short: WARMUP=30 DURATION=10 ROUNDS=1 bench/two.sh
set -euo pipefail
export LC_ALL=C
source "$(dirname "$0")/lib.sh"

WARMUP="${WARMUP:-90}"
DURATION="${DURATION:-20}"
ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
RAW="$BENCH_DIR/raw"
OUT="$BENCH_DIR/two.md"
TICK=$(getconf CLK_TCK)

ensure_tools
mkdir -p "$RAW"
pg_start
A_PID= B_PID=
stop_both() {
  local p
  for p in $A_PID $B_PID; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  pg_stop
}
trap stop_both EXIT; trap "exit 130" INT TERM
app_start; A_PID=$APP_PID; A_BASE=$BASE
APP_PORT= APP_NAME=service-b app_start; B_PID=$APP_PID; B_BASE=$BASE
psql_db -q -c "drop table if exists bench_insert; drop sequence if exists bench_insert_seq;
  create table bench_insert (like comments including all); create sequence bench_insert_seq;"

pg_ticks() { # alive server processes plus the backends the postmaster reaped
  local s=0 p pm
  pm=$(head -1 "$PG_DATA/postmaster.pid")
  for p in $(pgrep -u postgres postgres); do s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$((s + $(awk '{print $16+$17}' "/proc/$pm/stat")))"
}
ms() { python3 -c "print(f'{max(0, $1) / $TICK * 1000 / max(1, $2):.2f}')"; }

log "warm-up ${WARMUP}s of submissions on both instances"
BASE=$A_BASE wrk_run submit 8 "$WARMUP" >"$RAW/two-warmup-a.txt" 2>&1 &
w1=$!
BASE=$B_BASE BENCH_SEQ_OFFSET=100000000 wrk_run submit 8 "$WARMUP" >"$RAW/two-warmup-b.txt" 2>&1 &
w2=$!
wait $w1 $w2
# then each instance alone until its JIT settled (bench/lib.sh settle)
APP_PID=$A_PID BASE=$A_BASE settle submit "$CONNECTIONS"
APP_PID=$B_PID BASE=$B_BASE BENCH_SEQ_OFFSET=150000000 settle submit "$CONNECTIONS"

{
  echo "# One instance against two on one PostgreSQL, $(date -u '+%Y-%m-%d %H:%M UTC'), $CONNECTIONS connections, ${DURATION}s a point, warm-up ${WARMUP}s"
  echo
  machine
  echo "- then each instance alone until its JIT settled (bench/lib.sh settle): ${SETTLED:-skipped}"
  echo
  echo "| round | point | per second | p99 ms | PostgreSQL server CPU ms per operation | load average |"
  echo "|---:|---|---:|---:|---:|---|"
} >"$OUT"

for r in $(seq 1 "$ROUNDS"); do
  for s in pgbench one two; do
    log "round $r: $s, $CONNECTIONS connections, ${DURATION}s"
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    p0=$(pg_ticks)
    case $s in
      pgbench)
        psql_db -q -c "truncate bench_insert"
        pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -c "$CONNECTIONS" -j 2 -T "$DURATION" \
          -f "$ROOT/bench/pgbench/insert.sql" "$PG_DB" >"$RAW/two-$r-$s.txt" 2>&1
        n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RAW/two-$r-$s.txt")
        p99="–"
        ;;
      one)
        BASE=$A_BASE wrk_run submit "$CONNECTIONS" "$DURATION" >"$RAW/two-$r-$s.txt" 2>&1
        n=$(field requests "$RAW/two-$r-$s.txt")
        p99=$(field p99_ms "$RAW/two-$r-$s.txt")
        ;;
      two)
        half=$((CONNECTIONS / 2))
        BASE=$A_BASE wrk_run submit "$half" "$DURATION" >"$RAW/two-$r-$s-a.txt" 2>&1 &
        w1=$!
        BASE=$B_BASE BENCH_SEQ_OFFSET=200000000 wrk_run submit "$half" "$DURATION" >"$RAW/two-$r-$s-b.txt" 2>&1 &
        w2=$!
        wait $w1 $w2
        n=$(($(field requests "$RAW/two-$r-$s-a.txt") + $(field requests "$RAW/two-$r-$s-b.txt")))
        p99=$(python3 -c "print(max($(field p99_ms "$RAW/two-$r-$s-a.txt"), $(field p99_ms "$RAW/two-$r-$s-b.txt")))")
        ;;
    esac
    p1=$(pg_ticks)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$r" "$s" "$(python3 -c "print(round($n / $DURATION))")" \
      "$p99" "$(ms $((p1 - p0)) "$n")" "$load" >>"$OUT"
  done
done
cat "$OUT"
