-- GET a page of 100 heroes at a random offset.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/heroes/?offset=" .. math.random(0, rows - 100) .. "&limit=100")
end
