-- Shared by the wrk scripts in this folder (loaded with dofile from each).
-- Counts responses per class in every wrk thread and prints one machine-readable RESULT line
-- at the end (read by load.sh and soak.sh): req/s, p50, p90, p99, max (ms), 2xx, 409, other
-- non-2xx, socket errors.

local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
bench_dir = here

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

ok, conflicts, other = 0, 0, 0

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    other = other + 1
    if other <= 3 then io.stderr:write("status " .. status .. ": " .. (body or ""):sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local s2, s409, sother = 0, 0, 0
  for _, t in ipairs(threads) do
    s2 = s2 + (t:get("ok") or 0)
    s409 = s409 + (t:get("conflicts") or 0)
    sother = sother + (t:get("other") or 0)
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d ok=%d conflicts=%d non2xx=%d socket_errors=%d\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, s2, s409, sother,
    e.connect + e.read + e.write + e.timeout))
end

-- A reader's address per request, so per-client limits and the duplicate rule see many clients
-- (the service trusts X-Forwarded-For from 127.0.0.1 in the benchmark).
function client_address(n)
  return string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
end

function basic_auth()
  local user = os.getenv("BENCH_USER") or "admin"
  local pass = os.getenv("BENCH_PASSWORD") or "bench-admin-pw"
  local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local s = user .. ":" .. pass
  return "Basic " .. ((s:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b64:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#s % 3 + 1])
end

function read_lines(name)
  local lines = {}
  local f = io.open(name, "r")
  if not f then return lines end
  for line in f:lines() do if #line > 0 then table.insert(lines, line) end end
  f:close()
  return lines
end
