-- wrk script: approve or reject pending comments at their version. The ids and versions come
-- from $BENCH_PENDING ("id version" a line, written by load.sh from the database); each wrk
-- thread takes every n-th line, so no two threads decide the same comment. When a thread runs
-- out it starts over, and those repeats answer 409 (stale), counted apart from other failures.
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")

local items, nthreads, i, auth = {}, 1, 0, nil

function init(args)
  math.randomseed(os.time() * 100 + tid)
  auth = basic_auth()
  nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  for k, line in ipairs(read_lines(os.getenv("BENCH_PENDING") or "")) do
    if (k - 1) % nthreads == tid then table.insert(items, line) end
  end
end

function request()
  i = i % #items + 1
  local id, version = items[i]:match("(%d+)%s+(%d+)")
  local action = math.random(4) == 1 and "reject" or "approve"
  return wrk.format("POST", "/api/moderation/comments/" .. id .. "/" .. action, {
    ["Content-Type"] = "application/json", Authorization = auth,
  }, string.format('{"version":%s,"reason":"нагрузочный тест"}', version))
end
