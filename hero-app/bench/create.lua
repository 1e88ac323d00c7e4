-- POST a new hero.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  return wrk.format("POST", "/heroes/", json_headers, new_hero_body())
end
