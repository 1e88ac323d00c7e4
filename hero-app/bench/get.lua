-- GET one hero by a random id among the seeded ones.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/heroes/" .. math.random(1, rows))
end
