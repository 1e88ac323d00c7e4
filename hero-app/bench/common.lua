-- Shared by every scenario: a per-thread random seed, and one machine-readable summary line at the end.
-- HERO_BENCH_ROWS: how many heroes were seeded (ids 1..ROWS).
rows = tonumber(os.getenv("HERO_BENCH_ROWS") or "1000")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

json_headers = { ["Content-Type"] = "application/json" }

function new_hero_body()
  local n = math.random(1, 1000000000)
  return '{"name":"Bench ' .. n .. '","secret_name":"Secret ' .. n .. '","age":' .. math.random(0, 120) .. '}'
end

-- RESULT requests seconds rps p50_ms p99_ms non2xx socket_errors
function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT %d %.3f %.1f %.3f %.3f %d %d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
