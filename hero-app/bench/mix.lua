-- 80 % reads (GET one hero), 10 % creates, 10 % PATCHes of a seeded hero's age.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  local r = math.random(1, 10)
  if r == 1 then
    return wrk.format("POST", "/heroes/", json_headers, new_hero_body())
  elseif r == 2 then
    return wrk.format("PATCH", "/heroes/" .. math.random(1, rows), json_headers,
      '{"age":' .. math.random(0, 120) .. '}')
  end
  return wrk.format("GET", "/heroes/" .. math.random(1, rows))
end
