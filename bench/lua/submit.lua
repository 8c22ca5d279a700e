-- wrk script: POST /api/articles/{id}/comments with unique realistic bodies (bodies.lua),
-- spread over 10,000 articles and 5,000 authors; every request from its own client address.
-- Usage: wrk -s bench/lua/submit.lua http://127.0.0.1:PORT
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
dofile(bench_dir .. "bodies.lua")

local n = 0
-- a second wrk process (two.sh, one per instance) starts elsewhere: its bodies and clients differ
local offset = tonumber(os.getenv("BENCH_SEQ_OFFSET") or "0")

function init(args)
  math.randomseed(os.time() * 100 + tid)
end

function request()
  n = n + 1
  local seq = offset + tid * 10000000 + n
  local author = math.random(5000)
  local body = string.format('{"authorName":"Читатель %d","authorEmail":"reader%d@example.kg","body":%s}',
    author, author, json_string(comment_body(seq)))
  return wrk.format("POST", "/api/articles/news-" .. math.random(10000) .. "/comments", {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = client_address(seq),
  }, body)
end
