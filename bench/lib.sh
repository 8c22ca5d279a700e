# bench/lib.sh: shared pieces of the benchmark scripts (sourced, not run).
#
# PostgreSQL: Debian's `postgresql` package (15), `apt-get install -y postgresql` when missing.
# A private cluster is made with initdb in $BENCH_DIR/pg (default target/bench/pg), listening on
# 127.0.0.1 on a free port, durability defaults kept (fsync on, synchronous_commit on,
# full_page_writes on). As root the server runs as the `postgres` user.
#
# The service: target/comment-moderation-microbundle.jar (built with
# `mvn -B -DskipTests package` when missing), started against that cluster with the heap $XMX,
# rate limits lifted and 127.0.0.1 trusted as a proxy, so every wrk request can name its own
# client in X-Forwarded-For.
#
# Variables (all optional): BENCH_DIR, PG_BIN, PG_PORT, APP_PORT, XMX, JAVA_OPTS_EXTRA, PG_STATEMENTS=1, KEEP_PG=1
# (leave the cluster's data between runs: seed.sh relies on it), ADMIN_PASSWORD.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-$ROOT/target/bench}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DATA="$BENCH_DIR/pg"
PG_USER=bench
PG_DB=comments
XMX="${XMX:-512m}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-pw}"
JAR="${JAR:-$ROOT/target/comment-moderation-microbundle.jar}"
mkdir -p "$BENCH_DIR"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v pgbench >/dev/null || missing+=(postgresql-contrib)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -f "$JAR" ]; then
    log "building $JAR"
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
}

# Runs a PostgreSQL binary as the owner of the cluster.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  PG_PORT="${PG_PORT:-$(free_port)}"
  export PG_PORT
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" && chmod 700 "$PG_DATA"
    # the path down to the data directory must be traversable by the server's user
    [ "$(id -u)" = 0 ] && chmod o+x "$BENCH_DIR" "$(dirname "$BENCH_DIR")" "$ROOT" 2>/dev/null || true
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 >"$BENCH_DIR/initdb.log"
    cat >>"$PG_DATA/postgresql.conf" <<EOF
# bench: loopback only; durability defaults kept (fsync, synchronous_commit, full_page_writes)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DATA'
max_connections = 300
shared_buffers = 512MB
effective_cache_size = 2GB
work_mem = 8MB
# SSD storage: random reads cost little more than sequential ones (the deep thread page's plan needs it)
random_page_cost = 1.1
maintenance_work_mem = 256MB
max_wal_size = 4GB
log_min_duration_statement = -1
EOF
  fi
  local opts="-p $PG_PORT"
  # PG_STATEMENTS=1: pg_stat_statements loaded (a little overhead; for diagnosis, see cost.sh)
  [ "${PG_STATEMENTS:-0}" = 1 ] && opts="$opts -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -o "$opts" -l "$PG_DATA/postgres.log" -w start >/dev/null
  if ! psql_q -d postgres -tAc "select 1 from pg_database where datname='$PG_DB'" | grep -q 1; then
    psql_q -d postgres -c "create database $PG_DB" >/dev/null
  fi
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data $PG_DATA"
}

pg_stop() {
  [ -f "$PG_DATA/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
}

psql_q() { psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$@"; }
psql_db() { psql_q -d "$PG_DB" -v ON_ERROR_STOP=1 "$@"; }

# Starts the service against the cluster; sets APP_PID and BASE.
app_start() {
  APP_PORT="${APP_PORT:-$(free_port)}"
  BASE="http://127.0.0.1:$APP_PORT"
  local name="${APP_NAME:-service}" # a second instance runs with APP_NAME=service-b (two.sh)
  local workdir="$BENCH_DIR/app${APP_NAME:+-$APP_NAME}"
  mkdir -p "$workdir"
  (
    cd "$workdir"
    export COMMENTS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
    export COMMENTS_DB_USER="$PG_USER" COMMENTS_DB_PASSWORD=unused
    export COMMENTS_ADMIN_USER=admin COMMENTS_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    export COMMENTS_RATE_SUBMIT_PER_MINUTE=100000000 COMMENTS_RATE_SUBMIT_BURST=100000000
    export COMMENTS_REPORTS_PER_CLIENT_PER_HOUR=100000000
    export COMMENTS_TRUSTED_PROXIES=127.0.0.1
    export COMMENTS_RULES_FILE="$ROOT/config/moderation-rules.yaml"
    # shellcheck disable=SC2086
    exec java -Xms"$XMX" -Xmx"$XMX" -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS_EXTRA:-} \
      -jar "$JAR" --port "$APP_PORT" --nocluster >"$BENCH_DIR/$name.log" 2>&1
  ) &
  APP_PID=$!
  export APP_PID BASE
  local i
  for i in $(seq 1 180); do
    if curl -fs -o /dev/null "$BASE/health/ready"; then
      log "service pid $APP_PID on $BASE (-Xmx$XMX), ready after ${i}s"
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$BENCH_DIR/$name.log" >&2; return 1; }
    sleep 1
  done
  log "service not ready after 180 s"; tail -30 "$BENCH_DIR/$name.log" >&2; return 1
}

app_stop() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

cleanup() {
  app_stop
  pg_stop
}

machine() {
  echo "- $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- $(java -version 2>&1 | head -1), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), commit $(git -C "$ROOT" rev-parse --short HEAD)"
}

# Full GC, then the heap in use (MiB) as the GC reports it.
heap_after_gc() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/total/ {for(i=1;i<=NF;i++) if($i=="used") {v=$(i+1); sub("K,?","",v); printf "%.0f\n", v/1024; exit}}'
}

LUA="$ROOT/bench/lua"

# Inputs of the wrk scripts: keyset cursors of the hot article's thread (pages 2, 10, 50, 100,
# 300 of 20 comments) in $BENCH_CURSORS, and the pending comments with their versions in
# $BENCH_PENDING (refresh_pending re-reads them before each decision run).
prepare_inputs() {
  export BENCH_CURSORS="$BENCH_DIR/cursors.txt" BENCH_PENDING="$BENCH_DIR/pending.txt"
  export BENCH_PASSWORD="$ADMIN_PASSWORD"
  python3 - "$BASE" "$BENCH_CURSORS" <<'PY'
import json, sys, urllib.request
base, out = sys.argv[1], sys.argv[2]
cursor, kept = None, []
for page in range(1, 301):
    url = base + "/api/articles/hot-article/comments" + ("?cursor=" + cursor if cursor else "")
    cursor = json.load(urllib.request.urlopen(url, timeout=60)).get("nextCursor")
    if not cursor:
        break
    if page in (1, 9, 49, 99, 299):
        kept.append(cursor)
open(out, "w").write("".join(c + "\n" for c in kept))
PY
  refresh_pending
}

refresh_pending() {
  psql_db -tA -F ' ' -c "select id, version from comments where status = 'PENDING' order by created_at, id limit 200000" >"$BENCH_PENDING"
}

# wrk with one of the Lua scripts: scenario connections seconds; 1 thread for 1 connection, else 2
wrk_run() {
  local threads=$(($2 < 2 ? 1 : 2))
  BENCH_THREADS=$threads wrk -t "$threads" -c "$2" -d "${3}s" --timeout 10s --latency -s "$LUA/$1.lua" "$BASE"
}

# CPU ticks the service's C2 compiler threads have used so far
c2_ticks() {
  local s=0 t
  for t in /proc/"$APP_PID"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C2*) s=$((s + $(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$s"
}

# Runs scenario $1 at $2 connections in windows of 10 s until the JIT has settled: its C2 threads
# used less than SETTLE_PERCENT (default 5) % of one core in a window, at most SETTLE_MAX s (default
# 240; 0 skips this). A mixed warm-up leaves one scenario's code still compiling when it is measured
# (30-40 % of a core went to C2 in the first submit runs); this measures the steady state. Logs
# and records in $SETTLED what it took.
settle() {
  local s=$1 c=$2 waited=0 a b pct tick
  tick=$(getconf CLK_TCK)
  [ "${SETTLE_MAX:-240}" -gt 0 ] || return 0
  while [ "$waited" -lt "${SETTLE_MAX:-240}" ]; do
    a=$(c2_ticks)
    [ "$s" = decide ] && refresh_pending
    wrk_run "$s" "$c" 10 >/dev/null 2>&1
    b=$(c2_ticks)
    waited=$((waited + 10))
    pct=$(((b - a) * 100 / (10 * tick)))
    if [ "$pct" -lt "${SETTLE_PERCENT:-5}" ]; then
      log "JIT settled for $s after ${waited}s at $c connections (C2: $pct % of a core in the last 10 s)"
      SETTLED="${SETTLED:-}${SETTLED:+; }$s ${waited} s"
      return 0
    fi
  done
  log "JIT still compiling for $s after ${waited}s (C2: $pct % of a core); measuring anyway"
  SETTLED="${SETTLED:-}${SETTLED:+; }$s not settled after ${waited} s (C2 $pct %)"
}

# a field of the RESULT line the Lua scripts print: name file
field() { sed -n "s/.*RESULT.* $1=\([0-9.]*\).*/\1/p" "$2" | tail -1; }

# The soak loop (soak.sh, heap.sh): minutes connections warmup output.md
soak_run() {
  local minutes=$1 conns=$2 warmup=$3 out=$4 m
  log "warm-up ${warmup}s of mixed load"
  wrk_run mixed "$conns" "$warmup" >"$RAW/soak-warmup.txt" 2>&1
  {
    echo "# Soak, $(date -u '+%Y-%m-%d %H:%M UTC'): lua/mixed.lua, $conns connections, -Xmx$XMX, warm-up ${warmup}s"
    echo
    machine
    echo
    echo "| minute | req/s | p50 ms | p99 ms | max ms | 2xx | 409 | other non-2xx | socket errors | heap after full GC MiB | young GCs | young GC s | full GCs | load avg |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  } >"$out"
  for m in $(seq 1 "$minutes"); do
    refresh_pending
    local f="$RAW/soak-$m.txt" load
    load=$(cut -d' ' -f1 /proc/loadavg)
    wrk_run mixed "$conns" 60 >"$f" 2>&1
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "| $m | service died (see service.log) |" >>"$out"; return 1
    fi
    local gc heap
    gc=$(jstat -gcutil "$APP_PID" | tail -1) # S0 S1 E O M CCS YGC YGCT FGC FGCT CGC CGCT GCT
    heap=$(heap_after_gc "$APP_PID")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$m" \
      "$(field rps "$f")" "$(field p50_ms "$f")" "$(field p99_ms "$f")" "$(field max_ms "$f")" "$(field ok "$f")" \
      "$(field conflicts "$f")" "$(field non2xx "$f")" "$(field socket_errors "$f")" "$heap" \
      "$(echo "$gc" | awk '{print $7}')" "$(echo "$gc" | awk '{print $8}')" "$(echo "$gc" | awk '{print $9}')" "$load" >>"$out"
    log "minute $m: $(grep RESULT "$f" || echo 'no result'), heap after GC ${heap} MiB"
  done
}
