-- wrk script: GET the approved thread of the seeded hot article: half the requests the first
-- page, half a page further down by keyset cursor (cursors listed in $BENCH_CURSORS, one a line,
-- collected by load.sh by following nextCursor).
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")

local article = os.getenv("BENCH_ARTICLE") or "hot-article"
local cursors

function init(args)
  math.randomseed(os.time() * 100 + tid)
  cursors = read_lines(os.getenv("BENCH_CURSORS") or "")
end

function request()
  local path = "/api/articles/" .. article .. "/comments"
  if #cursors > 0 and math.random(2) == 1 then path = path .. "?cursor=" .. cursors[math.random(#cursors)] end
  return wrk.format("GET", path)
end
