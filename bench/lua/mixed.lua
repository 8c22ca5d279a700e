-- wrk script: the soak's mixed load, chosen per request: 70 % thread reads (first page or a
-- cursor page of the hot article, or the first page of another article), 20 % submits, 5 % queue
-- reads, 5 % decisions (ids and versions from $BENCH_PENDING as in decide.lua).
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
dofile(bench_dir .. "bodies.lua")

local n, i, items, cursors, auth = 0, 0, {}, {}, nil

function init(args)
  math.randomseed(os.time() * 100 + tid)
  auth = basic_auth()
  cursors = read_lines(os.getenv("BENCH_CURSORS") or "")
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  for k, line in ipairs(read_lines(os.getenv("BENCH_PENDING") or "")) do
    if (k - 1) % nthreads == tid then table.insert(items, line) end
  end
end

function request()
  n = n + 1
  local r = math.random(100)
  if r <= 70 then
    local path = "/api/articles/hot-article/comments"
    if r <= 20 then
      path = "/api/articles/news-" .. math.random(10000) .. "/comments"
    elseif r <= 45 and #cursors > 0 then
      path = path .. "?cursor=" .. cursors[math.random(#cursors)]
    end
    return wrk.format("GET", path)
  elseif r <= 90 or #items == 0 then
    local seq = tid * 10000000 + n
    local author = math.random(5000)
    return wrk.format("POST", "/api/articles/news-" .. math.random(10000) .. "/comments", {
      ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client_address(seq),
    }, string.format('{"authorName":"Читатель %d","authorEmail":"reader%d@example.kg","body":%s}',
      author, author, json_string(comment_body(seq))))
  elseif r <= 95 then
    return wrk.format("GET", "/api/moderation/queue?status=PENDING", { Authorization = auth })
  else
    i = i % #items + 1
    local id, version = items[i]:match("(%d+)%s+(%d+)")
    return wrk.format("POST", "/api/moderation/comments/" .. id .. "/approve", {
      ["Content-Type"] = "application/json", Authorization = auth,
    }, string.format('{"version":%s}', version))
  end
end
