-- wrk script: GET /health/live, the read-path baseline (no database, no JSON body to build).
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")

function request()
  return wrk.format("GET", "/health/live")
end
