-- GET the last page of 100 heroes by offset (offset ROWS - 100: 999,900 on a table of 1,000,000).
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  return wrk.format("GET", "/heroes/?offset=" .. math.max(0, rows - 100) .. "&limit=100")
end
