#!/usr/bin/env bash
# bench/cost.sh: what one operation costs the machine, in CPU time, and who spends it. Starts
# PostgreSQL and the service like load.sh (seeded database needed: bench/seed.sh), warms the
# service up with submissions (WARMUP s, default 180: the JIT is still compiling after 90), then
# at $CONNECTIONS (default 32) runs, one after another, for DURATION s each (default 20):
#
#   pgbench  the write-path baseline of load.sh (single-row INSERT per transaction)
#   health   GET /health/live (what any request costs the container)
#   submit   POST a comment (lua/submit.lua)
#
# and reports, per operation, the machine's CPU time (all processes: user, nice, system, irq,
# softirq from /proc/stat, so the load generator counts too, and on a shared machine everything
# else that runs), for the service's scenarios the service's threads by group (/proc/PID/task), and
# the PostgreSQL server's processes (alive ones, plus the backends that exited, which the postmaster
# reaped: its cutime/cstime).
# With PG_STATEMENTS=1 the server loads pg_stat_statements (a little overhead of its own) and the
# report adds, for the submit run, every statement's calls, planning and execution time per
# accepted submission, and the server's transactions and WAL per submission.
# Output: target/bench/cost.md.
set -euo pipefail
export LC_ALL=C # sort and join must agree on the order
source "$(dirname "$0")/lib.sh"

WARMUP="${WARMUP:-180}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
RAW="$BENCH_DIR/raw"
OUT="$BENCH_DIR/cost.md"
TICK=$(getconf CLK_TCK)

ensure_tools
mkdir -p "$RAW"
rm -f "$RAW"/cost-*-statements.md
pg_start
trap cleanup EXIT; trap "exit 130" INT TERM
app_start
psql_db -q -c "drop table if exists bench_insert; drop sequence if exists bench_insert_seq;
  create table bench_insert (like comments including all); create sequence bench_insert_seq;"

machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
pg_ticks() { # the server's processes alive now, plus the postmaster's reaped children (backends that exited)
  local s=0 p pm
  pm=$(head -1 "$PG_DATA/postmaster.pid")
  for p in $(pgrep -u postgres postgres); do s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$((s + $(awk '{print $16+$17}' "/proc/$pm/stat")))"
}
thread_ticks() { # service threads grouped by name without numbers: "group ticks" lines
  local t
  for t in /proc/"$APP_PID"/task/*; do
    printf '%s|%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0)"
  done | awk -F'|' '{g=$1; sub(/[-#(]?[0-9]+\)?$/, "", g); sub(/::.*/, "", g); a[g]+=$2} END {for (k in a) print k "|" a[k]}' | sort
}
ms() { python3 -c "print(f'{max(0, $1) / $TICK * 1000 / $2:.2f}')"; } # a server process that exited in the run can make the difference negative

# pg_stat_statements of the run just finished, per operation: scenario operations wal-bytes-before
statements() {
  echo
  echo "PostgreSQL statements per $1 ($2 operations; pg_stat_statements, planning and execution ms):"
  echo
  psql_db -A -F ' | ' -P footer=off -c "
    select round(calls::numeric / $2, 3) as calls_per_op,
           round((total_plan_time / $2)::numeric, 4) as plan_ms_per_op,
           round((total_exec_time / $2)::numeric, 4) as exec_ms_per_op,
           round((total_exec_time / greatest(calls, 1))::numeric, 4) as exec_ms_per_call,
           rows / greatest(calls, 1) as rows_per_call,
           regexp_replace(left(query, 160), '\s+', ' ', 'g') as query
      from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      order by total_exec_time + total_plan_time desc limit 25"
  echo
  psql_db -tA -c "select 'transactions per op: ' || round((xact_commit + xact_rollback)::numeric / $2, 2)
      || ', rows fetched per op: ' || round(tup_fetched::numeric / $2, 1)
      || ', rows inserted per op: ' || round(tup_inserted::numeric / $2, 2)
      || ', WAL bytes per op: ' || round((select wal_bytes - $3 from pg_stat_wal) / $2)
      from pg_stat_database where datname = current_database()"
}

log "warm-up ${WARMUP}s of submissions"
wrk_run submit 16 "$WARMUP" >"$RAW/cost-warmup.txt" 2>&1
settle health "$CONNECTIONS"
settle submit "$CONNECTIONS"

{
  echo "# CPU time per operation, $(date -u '+%Y-%m-%d %H:%M UTC'), $CONNECTIONS connections, ${DURATION}s each, warm-up ${WARMUP}s"
  echo
  machine
  echo "- then each scenario alone until the JIT settled (bench/lib.sh settle): ${SETTLED:-skipped}"
  echo
} >"$OUT"
HEADER='| operation | per second | machine CPU ms per operation | service ms | PostgreSQL server ms | PostgreSQL net of idle ms |
|---|---:|---:|---:|---:|---:|'


# what the server spends with nothing asked of it (autovacuum, checkpoints, the instance's pool
# validation and listener) over the same time: shown apart, and subtracted in the "net" column
log "idle, ${DURATION}s"
i0=$(pg_ticks); sleep "$DURATION"; i1=$(pg_ticks)
IDLE=$((i1 - i0))
echo "(PostgreSQL idle beside the running service: $(python3 -c "print(f'{$IDLE / $TICK * 1000 / $DURATION:.1f}')") ms CPU a second; the net column subtracts it)" >>"$OUT"
echo >>"$OUT"

declare -A SPLIT
for s in pgbench health submit; do
  log "$s, $CONNECTIONS connections, ${DURATION}s"
  m0=$(machine_ticks); p0=$(pg_ticks); j0=$(awk '{print $14+$15}' "/proc/$APP_PID/stat"); thread_ticks >"$RAW/cost-$s-threads0.txt"
  if [ "${PG_STATEMENTS:-0}" = 1 ]; then
    psql_db -q -c "create extension if not exists pg_stat_statements; select pg_stat_statements_reset(); select pg_stat_reset();" >/dev/null
    psql_db -tA -c "select wal_bytes from pg_stat_wal" >"$RAW/cost-$s-wal0.txt"
  fi
  if [ "$s" = pgbench ]; then
    psql_db -q -c "truncate bench_insert"
    pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -c "$CONNECTIONS" -j 2 -T "$DURATION" \
      -f "$ROOT/bench/pgbench/insert.sql" "$PG_DB" >"$RAW/cost-$s.txt" 2>&1
    n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RAW/cost-$s.txt")
  else
    wrk_run "$s" "$CONNECTIONS" "$DURATION" >"$RAW/cost-$s.txt" 2>&1
    n=$(field requests "$RAW/cost-$s.txt")
  fi
  m1=$(machine_ticks); p1=$(pg_ticks); j1=$(awk '{print $14+$15}' "/proc/$APP_PID/stat"); thread_ticks >"$RAW/cost-$s-threads1.txt"
  rate=$(python3 -c "print(f'{$n / $DURATION:.0f}')")
  if [ "$s" = pgbench ]; then
    [ -n "${HEADER:-}" ] && { echo "$HEADER" >>"$OUT"; HEADER=; }
    printf '| %s | %s | %s | – | %s | %s |\n' "$s" "$rate" "$(ms $((m1 - m0)) "$n")" "$(ms $((p1 - p0)) "$n")" \
      "$(ms $((p1 - p0 - IDLE)) "$n")" >>"$OUT"
  else
    [ -n "${HEADER:-}" ] && { echo "$HEADER" >>"$OUT"; HEADER=; }
    printf '| %s | %s | %s | %s | %s | %s |\n' "$s" "$rate" "$(ms $((m1 - m0)) "$n")" "$(ms $((j1 - j0)) "$n")" \
      "$(ms $((p1 - p0)) "$n")" "$(ms $((p1 - p0 - IDLE)) "$n")" >>"$OUT"
    if [ "${PG_STATEMENTS:-0}" = 1 ]; then
      statements "$s" "$n" "$(cat "$RAW/cost-$s-wal0.txt")" >"$RAW/cost-$s-statements.md"
    fi
    SPLIT[$s]=$(join -t'|' "$RAW/cost-$s-threads0.txt" "$RAW/cost-$s-threads1.txt" |
      awk -F'|' -v n="$n" -v tick="$TICK" '{d=$3-$2; if (d > 0) printf "%s|%.3f\n", $1, d / tick * 1000 / n}' | sort -t'|' -k2 -rn | head -6)
  fi
done

{
  echo
  echo "The service's CPU per operation by thread group (ms; top six):"
  echo
  for s in health submit; do
    echo "- $s: $(echo "${SPLIT[$s]:-}" | awk -F'|' 'NF == 2 {printf "%s%s %s", sep, $1, $2; sep="; "}')"
  done
} >>"$OUT"
for s in health submit; do
  [ -f "$RAW/cost-$s-statements.md" ] && cat "$RAW/cost-$s-statements.md" >>"$OUT"
done
cat "$OUT"
