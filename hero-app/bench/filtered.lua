-- A filtered, sorted page: the heroes of one random age (about 1 in 100 of the seeded rows), by name descending,
-- 100 of them, with their count in X-Total-Count. Hero only: the tutorial app has no filters or sorting.
dofile(os.getenv("HERO_BENCH_DIR") .. "/common.lua")

function request()
  local age = math.random(0, 99)
  return wrk.format("GET", "/heroes/?min_age=" .. age .. "&max_age=" .. age .. "&sort=-name&limit=100")
end
