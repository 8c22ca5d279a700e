-- wrk script: GET the moderation queue with Basic auth: the first page (half), and pages
-- filtered by category, by article, or ordered by severity.
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")

local paths = {
  "/api/moderation/queue?status=PENDING", "/api/moderation/queue?status=PENDING",
  "/api/moderation/queue?status=PENDING&category=insult",
  "/api/moderation/queue?status=PENDING&order=severity",
}
local auth

function init(args)
  math.randomseed(os.time() * 100 + tid)
  auth = basic_auth()
end

function request()
  local path = paths[math.random(#paths)]
  if math.random(8) == 1 then path = "/api/moderation/queue?status=PENDING&articleId=news-" .. math.random(10000) end
  return wrk.format("GET", path, { Authorization = auth })
end
