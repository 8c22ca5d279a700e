#!/usr/bin/env bash
# bench/plans.sh: on the seeded database (bench/seed.sh), the query plans of the read paths,
# EXPLAIN (ANALYZE, BUFFERS) of the SQL the service issues (from comment/control/Threads.java and
# queue/control/ModerationQueue.java, as EclipseLink renders the JPQL), each run 3 times and the
# last kept (warm cache); then the service's HTTP time for the same requests (curl
# %{time_total}, median and max of 20 on loopback, after 20 unmeasured). ~3 min.
#
#   bench/plans.sh            -> target/bench/plans.md
#   PLANS_OUT=x.md NO_HTTP=1 bench/plans.sh   (plans only, no service start)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OUT="${PLANS_OUT:-$BENCH_DIR/plans.md}"
ensure_tools
trap cleanup EXIT; trap "exit 130" INT TERM
pg_start
if [ -z "${NO_HTTP:-}" ]; then app_start; fi # applies pending migrations (V3) before the plans

# the keyset position of the 6,000th top-level comment of the hot article, for the deep page
IFS='|' read -r deep_at deep_id deep_cursor < <(psql_db -tA -F '|' -c "
  select created_at, id, rtrim(translate(encode(convert_to(
           (extract(epoch from created_at) * 1000000)::bigint || ':' || id, 'UTF8'), 'base64'), '+/', '-_'), '=')
  from comments where article_id = 'hot-article' and status = 'APPROVED' and parent_id is null
  order by created_at, id offset 5999 limit 1")
# shellcheck disable=SC2016
roots=$(psql_db -tA -c "select string_agg(id::text, ',') from (select id from comments where article_id = 'hot-article'
  and status = 'APPROVED' and parent_id is null order by created_at, id limit 20) x")
pending_ids=$(psql_db -tA -c "select string_agg(id::text, ',') from (select id from comments where status = 'PENDING'
  order by created_at, id limit 50) x")
cols="id, article_id, author_email, author_name, body, body_hash, claimed_by, claimed_until, client_hash, created_at,
  decided_at, engine_decision, language, parent_id, root_id, rule_set_version, severity, status, top_category, top_rule,
  verdict, version"

declare -a NAMES SQLS
q() { NAMES+=("$1"); SQLS+=("$2"); }
q "thread, first page (Threads.page, top level)" \
  "SELECT $cols FROM comments WHERE article_id = 'hot-article' AND status = 'APPROVED' AND parent_id IS NULL
   ORDER BY created_at ASC, id ASC LIMIT 21"
q "thread, replies of the page's 20 comments" \
  "SELECT $cols FROM comments WHERE root_id IN ($roots) AND status = 'APPROVED' ORDER BY created_at, id"
q "thread, total" \
  "SELECT COUNT(id) FROM comments WHERE article_id = 'hot-article' AND status = 'APPROVED'"
q "thread, deep page (keyset cursor after the 6,000th top-level comment)" \
  "SELECT $cols FROM comments WHERE article_id = 'hot-article' AND status = 'APPROVED' AND parent_id IS NULL
   AND (created_at > '$deep_at' OR (created_at = '$deep_at' AND id > $deep_id))
   ORDER BY created_at ASC, id ASC LIMIT 21"
q "thread, deep page with a redundant created_at >= bound (proposed change in Threads.java)" \
  "SELECT $cols FROM comments WHERE article_id = 'hot-article' AND status = 'APPROVED' AND parent_id IS NULL
   AND created_at >= '$deep_at' AND (created_at > '$deep_at' OR (created_at = '$deep_at' AND id > $deep_id))
   ORDER BY created_at ASC, id ASC LIMIT 21"
q "queue, first page (ModerationQueue.page, oldest first, limit 50)" \
  "SELECT $cols FROM comments WHERE status = 'PENDING' ORDER BY created_at, id LIMIT 51"
q "queue, open reports of the page's 50 comments (Reports.open)" \
  "SELECT id, client_hash, comment_id, created_at, dismissed_at, dismissed_by, note, reason FROM comment_report
   WHERE comment_id IN ($pending_ids) AND dismissed_at IS NULL"
q "queue, filtered by category" \
  "SELECT $cols FROM comments WHERE status = 'PENDING' AND top_category = 'hate' ORDER BY created_at, id LIMIT 51"
q "queue, filtered by a rule that matched no pending comment" \
  "SELECT $cols FROM comments WHERE status = 'PENDING' AND top_rule = 'contacts' ORDER BY created_at, id LIMIT 51"
q "queue, filtered by article" \
  "SELECT $cols FROM comments WHERE status = 'PENDING' AND article_id = 'news-4242' ORDER BY created_at, id LIMIT 51"
q "queue, most severe first" \
  "SELECT $cols FROM comments WHERE status = 'PENDING' ORDER BY severity DESC, created_at, id LIMIT 51"

{
  echo "# Query plans on the seeded database, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  machine
  echo "- $(psql_db -tA -c "select count(*) || ' comments, ' || count(*) filter (where status = 'PENDING') || ' pending; table and indexes ' || pg_size_pretty(pg_total_relation_size('comments')) from comments")"
  echo "- migrations applied: $(psql_db -tA -c "select string_agg(version, ', ' order by installed_rank) from flyway_schema_history" 2>/dev/null)"
  echo
  echo "## Indexes on comments"
  echo
  echo '```'
  psql_db -tA -c "select indexdef || '  -- ' || pg_size_pretty(pg_relation_size(indexrelid::regclass)) from pg_indexes
    join pg_stat_user_indexes on indexrelname = indexname where tablename = 'comments' order by indexname"
  echo '```'
  for i in "${!NAMES[@]}"; do
    echo
    echo "## ${NAMES[$i]}"
    echo
    echo '```sql'
    echo "${SQLS[$i]//"$cols"/…}" | sed 's/IN ([0-9,]*)/IN (…)/'
    echo '```'
    echo '```'
    for _ in 1 2; do psql_db -tA -c "EXPLAIN (ANALYZE, BUFFERS) ${SQLS[$i]}" >/dev/null; done
    psql_db -tA -c "EXPLAIN (ANALYZE, BUFFERS) ${SQLS[$i]}"
    echo '```'
  done
} >"$OUT"

if [ -z "${NO_HTTP:-}" ]; then
  auth="admin:$ADMIN_PASSWORD"
  timing() { # name, curl args...
    local name=$1; shift
    for _ in $(seq 20); do curl -s -o /dev/null "$@"; done
    local times
    times=$(for _ in $(seq 20); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
    printf '| %s | %.1f | %.1f | %s |\n' "$name" "$(echo "$times" | sed -n 10p | awk '{print $1*1000}')" \
      "$(echo "$times" | tail -1 | awk '{print $1*1000}')" "$(curl -s -o /dev/null -w '%{http_code} %{size_download} B' "$@")"
  }
  {
    echo
    echo "## HTTP time of the same requests (curl on loopback, 20 after 20 unmeasured)"
    echo
    echo "| request | median ms | max ms | status, size |"
    echo "|---|---:|---:|---|"
    timing "thread, first page" "$BASE/api/articles/hot-article/comments"
    timing "thread, deep page (cursor after 6,000)" "$BASE/api/articles/hot-article/comments?cursor=$deep_cursor"
    timing "queue, first page" -u "$auth" "$BASE/api/moderation/queue?status=PENDING"
    timing "queue, category=hate" -u "$auth" "$BASE/api/moderation/queue?status=PENDING&category=hate"
    timing "queue, rule=contacts (none)" -u "$auth" "$BASE/api/moderation/queue?status=PENDING&rule=contacts"
    timing "queue, articleId=news-4242" -u "$auth" "$BASE/api/moderation/queue?status=PENDING&articleId=news-4242"
    timing "queue, order=severity" -u "$auth" "$BASE/api/moderation/queue?status=PENDING&order=severity"
    timing "/health/live (baseline)" "$BASE/health/live"
  } >>"$OUT"
fi
log "plans in $OUT"
