-- Pages of 100 reached by cursor: each connection starts at a random offset, then follows the Link rel="next"
-- of every answer for up to 50 pages (so almost every request is a cursor page, spread over the whole table).
-- Hero only: the tutorial app has no cursors.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

local next_path = nil
local steps = 0

function request()
  if next_path == nil or steps >= 50 then
    steps = 0
    return wrk.format("GET", "/heroes/?offset=" .. math.random(0, math.max(0, rows - 100)) .. "&limit=100")
  end
  steps = steps + 1
  return wrk.format("GET", next_path)
end

function response(status, headers, body)
  local link = headers["Link"] or headers["link"]
  next_path = link and link:match('<([^>]*)>%s*;%s*rel="next"') or nil
end
