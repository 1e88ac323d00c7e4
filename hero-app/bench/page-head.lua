-- GET the first page of 100 heroes (offset 0): the cost a deep page is compared with.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/heroes/?offset=0&limit=100")
end
