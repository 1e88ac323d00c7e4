#!/usr/bin/env bash
# Hero's load benchmark (docs/performance.md). From anywhere:
#   bash hero-app/bench/run.sh [--compare] [--rows N] [--limits] [--runs N] [--startups N] [--duration S] [--warmup S] [--no-build] [--jar]
# Builds Hero, starts its runtime image (hero-app/target/hero/bin/hero, what users run) on a fresh SQLite database
# holding N heroes (default 1000, loaded with plain SQL while the server is stopped: ids 1..N, names "Hero i",
# ages i % 100 with every 20th unknown) and drives wrk (2 threads, 32 connections) through the scenarios:
#   get        GET /heroes/{random id}
#   page       GET 100 at a random offset over the whole table
#   page-head  GET 100 at offset 0;   page-tail  GET 100 at offset N - 100 (how a page's cost grows with the offset)
#   cursor     pages of 100 by following Link rel="next" (Hero only: the tutorial has no cursors)
#   filtered   heroes of one random age, sorted by -name, with X-Total-Count (Hero only)
#   create     POST;   mix  80 % get, 10 % POST, 10 % PATCH
# then (Hero only) walks the whole table by Link rel="next" and checks it (walk.py: every hero once, in order).
# One line per scenario: requests/s, p50, p99, errors (non-2xx responses + socket errors) and the server's peak
# RSS while the scenario ran.
#   --rows N    how many heroes both apps hold before the load (default 1000; 1000000 for issue #10's figures)
#   --compare   the same load against the tutorial app (../shared/reference/start.sh, 2 workers) in the
#               same run, then the ratio Hero / tutorial per scenario
#   --limits    (a) a bare Helidon route with a constant hero body under the get load, (b) JMH: raw
#               sqlite-jdbc insert (one row per commit) and select-by-id, WAL + synchronous=FULL;
#               prints Hero get / bare route and Hero create / raw insert. Both are in hero-app's
#               src/bench/java (dev.hero.bench), built here with mvn -Pbench -pl hero-app -am test-compile
#   --runs N    repeat everything N times (fresh databases each time), then medians
#   --duration S, --warmup S   seconds per scenario (default 10) and of wrk warm-up before each (default 5)
#   --startups N  start-up rounds before the load runs (default 5): each round starts Hero, then (with --compare)
#               the tutorial app with 1 worker, each on an empty directory, timed from process launch to the first
#               200 on GET /heroes/ by the same 10 ms poll; prints the medians and the median of the per-round ratios
#   --no-build  reuse the built image (and, with --limits, the bench classes if they are still there)
#   --jar       run `java -jar hero-app/target/hero-app.jar` (JDK from .ci/jdk, no options) instead of the image
#   --hero-jvm-options "..."   extra JVM options for Hero (the image: through JDK_JAVA_OPTIONS, over its baked ones)
# Every run also prints start-up (process start to first 200 on GET /heroes/) and RSS at rest.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/hero-app/bench"
# shellcheck source=wait-ready.sh
. "$bench/wait-ready.sh"
# shellcheck source=load-rows.sh
. "$bench/load-rows.sh"
reference="$root/../shared/reference"
compare=0 limits=0 runs=1 startups=5 duration=10 warmup=5 build=1 threads=2 conns=32 rows=1000 hero_jvm_options="" use_jar=0
while [ $# -gt 0 ]; do
  case "$1" in
    --compare) compare=1 ;;
    --limits) limits=1 ;;
    --rows) rows="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --startups) startups="$2"; shift ;;
    --jar) use_jar=1 ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --no-build) build=0 ;;
    --hero-jvm-options) hero_jvm_options="$2"; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
fi
if [ "$compare" = 1 ] && [ ! -x "$reference/start.sh" ]; then
  echo "--compare needs the tutorial app at $reference/start.sh" >&2; exit 1
fi

java="$(bash "$root/.ci/jdk" sh -c 'command -v java')"
work="$(mktemp -d "${TMPDIR:-/tmp}/hero-bench.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$build" = 1 ]; then
  echo "building (mvn package, tests skipped)..." >&2
  (cd "$root" && bash .ci/jdk mvn -B -q -ntp -DskipTests package >"$work/build.log" 2>&1) \
    || { cat "$work/build.log" >&2; exit 1; }
fi
# the bench classes (bare route, JMH) are compiled only with -Pbench; a plain build since then removes them
if [ "$limits" = 1 ] && { [ "$build" = 1 ] || [ ! -f "$root/hero-app/target/test-classes/META-INF/BenchmarkList" ]; }; then
  echo "building the bench classes (mvn -Pbench -pl hero-app -am test-compile)..." >&2
  (cd "$root" && bash .ci/jdk mvn -B -q -ntp -Pbench -pl hero-app -am -DskipTests test-compile \
    >"$work/build-bench.log" 2>&1) || { cat "$work/build-bench.log" >&2; exit 1; }
fi
jar="$root/hero-app/target/hero-app.jar"
launcher="$root/hero-app/target/hero/bin/hero"
[ -f "$jar" ] || { echo "no $jar: run without --no-build" >&2; exit 1; }
[ "$use_jar" = 1 ] || [ -x "$launcher" ] || { echo "no $launcher: run without --no-build" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
now_ms() { date +%s%3N; }

# RSS of a process and its descendants (the tutorial's master and workers), in KiB.
tree_rss() {
  local pid="$1" total=0 child kb
  kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
  total=$((total + ${kb:-0}))
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do
    total=$((total + $(tree_rss "$child")))
  done
  echo "$total"
}
# Polls tree_rss every 100 ms into $2 (the peak so far) until killed.
sample_peak() {
  local pid="$1" out="$2" peak=0 rss
  while kill -0 "$pid" 2>/dev/null; do
    rss="$(tree_rss "$pid")"
    # written aside, then renamed: a kill in mid-write never leaves an empty file
    [ "$rss" -gt "$peak" ] && { peak="$rss"; echo "$peak" >"$out.tmp"; mv -f "$out.tmp" "$out"; }
    sleep 0.1
  done
}

alive() {  # a running process, not a zombie
  local state; state="$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)"
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

start_hero() {  # dir port -> sets server_pid, startup_ms
  local dir="$1" port="$2" t0
  mkdir -p "$dir"
  t0="$(now_ms)"
  if [ "$use_jar" = 1 ]; then
    (cd "$dir" && SERVER_PORT="$port" SERVER_HOST=127.0.0.1 HERO_DB_URL="jdbc:sqlite:$dir/hero.db" \
      exec "$java" $hero_jvm_options -jar "$jar" >"$dir/server.log" 2>&1) &
  else
    (cd "$dir" && SERVER_PORT="$port" SERVER_HOST=127.0.0.1 HERO_DB_URL="jdbc:sqlite:$dir/hero.db" \
      JDK_JAVA_OPTIONS="$hero_jvm_options" exec "$launcher" >"$dir/server.log" 2>&1) &
  fi
  server_pid=$!
  pids+=("$server_pid")
  wait_ready "$port" "$server_pid" || { echo "Hero did not start; log:" >&2; cat "$dir/server.log" >&2; exit 1; }
  startup_ms=$(( $(now_ms) - t0 ))
}

start_tutorial() {  # dir port -> sets server_pid, startup_ms (start.sh polls every 100 ms itself)
  local dir="$1" port="$2" t0 first
  mkdir -p "$dir"
  # The tutorial creates its table at start-up in every worker: two workers on a new database race, and the
  # loser ("table hero already exists") makes uvicorn stop the whole app a moment after it first answered.
  # So one worker creates the (empty) table first; the measured start is the 2-worker one on that database.
  first="$("$reference/start.sh" "$port" "$dir" 1)"
  stop_server "$first"
  timed_load_rows "$dir/database.db"
  t0="$(now_ms)"
  server_pid="$("$reference/start.sh" "$port" "$dir" 2)"
  startup_ms=$(( $(now_ms) - t0 ))
  pids+=("$server_pid")
}

# The tutorial app as its start.sh runs it with 1 worker (its fastest start), but launched here, from an empty
# directory, so that the same 10 ms poll times both (start.sh's own poll is every 100 ms, with a curl per poll).
venv="${VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hero-reference-venv}"
start_tutorial_timed() {  # dir port -> sets server_pid, startup_ms
  local dir="$1" port="$2" t0
  mkdir -p "$dir"
  t0="$(now_ms)"
  (cd "$dir" && exec "$venv/bin/uvicorn" main:app --app-dir "$reference" --host 127.0.0.1 --port "$port" --workers 1 \
    --loop uvloop --http httptools --log-level warning --no-access-log >"$dir/uvicorn.log" 2>&1 </dev/null) &
  server_pid=$!
  pids+=("$server_pid")
  wait_ready "$port" "$server_pid" || { echo "tutorial did not start; log:" >&2; cat "$dir/uvicorn.log" >&2; exit 1; }
  startup_ms=$(( $(now_ms) - t0 ))
}

# startup_rounds: Hero and (with --compare) the tutorial, alternately, each on an empty directory
startup_rounds() {
  local round port
  if [ "$compare" = 1 ] && [ ! -x "$venv/bin/uvicorn" ]; then  # start.sh makes the venv the first time
    port="$(free_port)"; stop_server "$("$reference/start.sh" "$port" "$work/venv-setup" 1)"
  fi
  for round in $(seq 1 "$startups"); do
    port="$(free_port)"; start_hero "$work/start-hero-$round" "$port"
    local hero_ms="$startup_ms"
    stop_server "$server_pid"
    record_value "s$round" hero startup_ms "$hero_ms"
    if [ "$compare" = 1 ]; then
      port="$(free_port)"; start_tutorial_timed "$work/start-tutorial-$round" "$port"
      stop_server "$server_pid"
      record_value "s$round" tutorial startup_ms "$startup_ms"
      printf '  start-up round %s: hero %5s ms   tutorial (1 worker) %5s ms\n' "$round" "$hero_ms" "$startup_ms"
    else
      printf '  start-up round %s: hero %5s ms\n' "$round" "$hero_ms"
    fi
  done
}

start_bare() {  # dir port
  local dir="$1" port="$2"
  mkdir -p "$dir"
  (SERVER_PORT="$port" exec "$java" -cp "$root/hero-app/target/test-classes:$jar" dev.hero.bench.BareRoute \
    >"$dir/server.log" 2>&1) &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/heroes/1")" = 200 ] && return 0
    sleep 0.02
  done
  echo "bare route did not start" >&2; cat "$dir/server.log" >&2; exit 1
}

stop_server() {
  pkill -TERM -P "$1" 2>/dev/null || true
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local i; for i in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

timed_load_rows() {  # sqlite-file: $rows heroes (load-rows.sh), timed
  local t0; t0="$(now_ms)"
  load_rows "$1" "$rows"
  printf '  loaded %s heroes into %s in %s ms\n' "$rows" "${1#$work/}" $(( $(now_ms) - t0 ))
}

# scenario port pid -> one RESULT line in $work/last: requests secs rps p50 p99 non2xx sockerr peak_rss_kib
run_scenario() {
  local name="$1" port="$2" pid="$3" out="$work/wrk.out" peakf="$work/peak" sampler
  HERO_BENCH_DIR="$bench" HERO_BENCH_ROWS="$rows" wrk -t"$threads" -c"$conns" -d"${warmup}s" \
    -s "$bench/$name.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 || true
  echo 0 >"$peakf"
  sample_peak "$pid" "$peakf" & sampler=$!
  HERO_BENCH_DIR="$bench" HERO_BENCH_ROWS="$rows" wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 5s \
    -s "$bench/$name.lua" "http://127.0.0.1:$port" >"$out" 2>&1 || true
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  local line; line="$(grep '^RESULT ' "$out" || true)"
  [ -n "$line" ] || { echo "wrk failed for $name:" >&2; cat "$out" >&2; tail -20 "$work"/*/*.log >&2; exit 1; }
  local peak; peak="$(cat "$peakf" 2>/dev/null || true)"
  echo "${line#RESULT } ${peak:-0}"
}

results="$work/results.tsv"   # run server scenario rps p50 p99 errors rss_mib
: >"$results"
record() {  # run server scenario "requests secs rps p50 p99 non2xx sockerr rss_kib"
  [ -n "$4" ] || { echo "no result for $2 $3 (see above)" >&2; exit 1; }
  set -- "$1" "$2" "$3" $4
  local errors=$(( $9 + ${10} )) rss=$(( ${11} / 1024 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$6" "$7" "$8" "$errors" "$rss" >>"$results"
  printf '  %-9s %-9s %10.0f req/s   p50 %7.2f ms   p99 %7.2f ms   errors %-6s peak RSS %5s MiB\n' \
    "$2" "$3" "$6" "$7" "$8" "$errors" "$rss"
}
record_value() {  # run server metric value
  printf '%s\t%s\t%s\t%s\t\t\t\t\n' "$1" "$2" "$3" "$4" >>"$results"
}

bench_app() {  # run kind(hero|tutorial)
  local run="$1" kind="$2" port dir s
  port="$(free_port)"; dir="$work/$kind-$run"
  local attempt
  if [ "$kind" = hero ]; then  # a first start migrates the empty database; the rows go in with Hero stopped
    start_hero "$dir" "$port"; stop_server "$server_pid"; timed_load_rows "$dir/hero.db"
  fi
  for attempt in 1 2 3; do
    if [ "$kind" = hero ]; then start_hero "$dir" "$port"; else start_tutorial "$dir" "$port"; fi
    sleep 1
    alive "$server_pid" && break
    # seen a few times with the tutorial app on this busy machine: it answered, then was gone a second later
    echo "  $kind (pid $server_pid) exited after start-up (attempt $attempt); its log:" >&2
    tail -20 "$dir"/*.log >&2
    [ "$attempt" = 3 ] && exit 1
    stop_server "$server_pid"
    port="$(free_port)"; dir="$work/$kind-$run-retry$attempt"
  done
  local pid="$server_pid"
  local rest=$(( $(tree_rss "$pid") / 1024 ))
  printf '  %-9s start-up %5s ms (process start to first 200)   RSS at rest %s MiB\n' "$kind" "$startup_ms" "$rest"
  record_value "$run" "$kind" startup_ms "$startup_ms"
  record_value "$run" "$kind" rest_rss "$rest"
  for s in $(scenarios "$kind"); do
    [ "$s" = create ] && [ "$kind" = hero ] && walk "$run" "$port"  # before the creates change the table
    record "$run" "$kind" "$s" "$(run_scenario "$s" "$port" "$pid")"
  done
  stop_server "$pid"
}

scenarios() {  # kind
  if [ "$1" = hero ]; then echo get page page-head page-tail cursor filtered create mix; else echo get page page-head page-tail create mix; fi
}

walk() {  # run port: the whole table by Link rel="next", checked
  local line; line="$(python3 "$bench/walk.py" "$2")" || { echo "the walk failed: $line" >&2; exit 1; }
  set -- "$1" $line
  printf '  %-9s walk    %s heroes in %s pages by Link rel="next" in %s s, every one once, in order\n' hero "$3" "$4" "$5"
  record_value "$1" hero walk_s "$5"
}

jmh() {  # run: raw sqlite-jdbc insert and select-by-id ops/s
  local cp; cp="$root/hero-app/target/test-classes:$(cat "$root/hero-app/target/bench-classpath.txt")"
  "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.openjdk.jmh.Main dev.hero.bench.RawSqliteBenchmark \
    -rf csv -rff "$work/jmh.csv" >"$work/jmh.log" 2>&1 || { cat "$work/jmh.log" >&2; exit 1; }
  local insert select
  insert="$(awk -F, '/\.insert"/ {print $5}' "$work/jmh.csv")"
  select="$(awk -F, '/\.selectById"/ {print $5}' "$work/jmh.csv")"
  printf '  %-9s insert  %10.0f rows/s (one row per commit)   select-by-id %10.0f/s\n' jmh "$insert" "$select"
  record_value "$run" jmh insert "$insert"
  record_value "$run" jmh select "$select"
}

if [ "$use_jar" = 1 ]; then hero_as="java -jar hero-app/target/hero-app.jar ${hero_jvm_options}"; else hero_as="hero-app/target/hero/bin/hero${hero_jvm_options:+ with JDK_JAVA_OPTIONS=$hero_jvm_options}"; fi
echo "hero: $hero_as"
echo "wrk: $threads threads, $conns connections, ${warmup} s warm-up + ${duration} s per scenario; $rows heroes loaded; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
if [ "$startups" -gt 0 ]; then
  echo "start-up, $startups alternating round(s)"
  startup_rounds
fi
for run in $(seq 1 "$runs"); do
  echo "run $run/$runs"
  bench_app "$run" hero
  [ "$compare" = 1 ] && bench_app "$run" tutorial
  if [ "$limits" = 1 ]; then
    port="$(free_port)"; start_bare "$work/bare-$run" "$port"
    record "$run" bare get "$(run_scenario get "$port" "$server_pid")"
    stop_server "$server_pid"
    jmh "$run"
  fi
done

# value run server metric -> the value column for one run
value() { awk -F'\t' -v r="$1" -v s="$2" -v m="$3" -v c="$4" '$1==r && $2==s && $3==m {print $c}' "$results"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b+0 == 0) print "nan"; else printf "%.4f\n", a/b}'; }
med_of() {  # server metric column
  local r; for r in $(seq 1 "$runs"); do value "$r" "$1" "$2" "$3"; done | median
}
med_ratio() {  # serverA metricA serverB metricB column(A) column(B)
  local r; for r in $(seq 1 "$runs"); do ratio "$(value "$r" "$1" "$2" "$5")" "$(value "$r" "$3" "$4" "$6")"; done | median
}

# startup values of the rounds s1..sN
startup_of() { local r; for r in $(seq 1 "$startups"); do value "s$r" "$1" startup_ms 4; done | median; }
startup_ratio() { local r; for r in $(seq 1 "$startups"); do ratio "$(value "s$r" hero startup_ms 4)" "$(value "s$r" tutorial startup_ms 4)"; done | median; }

echo
if [ "$startups" -gt 0 ]; then
  printf 'start-up on an empty directory, median of %s alternating rounds: hero %s ms' "$startups" "$(startup_of hero)"
  if [ "$compare" = 1 ]; then
    printf ', tutorial (1 worker) %s ms, hero/tutorial per round then median x%.2f' "$(startup_of tutorial)" "$(startup_ratio)"
  fi
  echo
fi
echo "summary (median of $runs run(s); each ratio is computed per run, then the median taken)"
for s in $(scenarios hero); do
  printf '  hero     %-9s %10.0f req/s   p50 %7.2f ms   p99 %7.2f ms   errors %s   peak RSS %s MiB\n' "$s" \
    "$(med_of hero "$s" 4)" "$(med_of hero "$s" 5)" "$(med_of hero "$s" 6)" "$(med_of hero "$s" 7)" "$(med_of hero "$s" 8)"
done
printf '  hero     start-up %s ms   RSS at rest %s MiB   walk of %s heroes %s s\n' "$(med_of hero startup_ms 4)" "$(med_of hero rest_rss 4)" "$rows" "$(med_of hero walk_s 4)"
if [ "$compare" = 1 ]; then
  for s in $(scenarios tutorial); do
    printf '  tutorial %-9s %10.0f req/s   p50 %7.2f ms   p99 %7.2f ms   errors %s   peak RSS %s MiB\n' "$s" \
      "$(med_of tutorial "$s" 4)" "$(med_of tutorial "$s" 5)" "$(med_of tutorial "$s" 6)" "$(med_of tutorial "$s" 7)" "$(med_of tutorial "$s" 8)"
  done
  printf '  tutorial start-up %s ms   RSS at rest %s MiB\n' "$(med_of tutorial startup_ms 4)" "$(med_of tutorial rest_rss 4)"
  for s in $(scenarios tutorial); do
    printf '  ratio hero/tutorial %-9s req/s x%.1f   p99 x%.2f   peak RSS x%.2f\n' "$s" \
      "$(med_ratio hero "$s" tutorial "$s" 4 4)" "$(med_ratio hero "$s" tutorial "$s" 6 6)" "$(med_ratio hero "$s" tutorial "$s" 8 8)"
  done
  printf '  ratio hero/tutorial start-up x%.2f   RSS at rest x%.2f\n' \
    "$(med_ratio hero startup_ms tutorial startup_ms 4 4)" "$(med_ratio hero rest_rss tutorial rest_rss 4 4)"
fi
tail_vs_head() {  # server: p50 of the page at offset N - 100 over the p50 of the page at offset 0
  ratio "$(med_of "$1" page-tail 5)" "$(med_of "$1" page-head 5)"
}
printf '  page at offset %s vs offset 0, p50: hero x%.2f' "$((rows > 100 ? rows - 100 : 0))" "$(tail_vs_head hero)"
[ "$compare" = 1 ] && printf ', tutorial x%.2f' "$(tail_vs_head tutorial)"
echo
if [ "$limits" = 1 ]; then
  printf '  bare route get %10.0f req/s;  raw sqlite-jdbc insert %10.0f/s, select-by-id %10.0f/s\n' \
    "$(med_of bare get 4)" "$(med_of jmh insert 4)" "$(med_of jmh select 4)"
  printf '  hero get / bare route get        %5.1f %%\n' "$(awk -v x="$(med_ratio hero get bare get 4 4)" 'BEGIN {print 100*x}')"
  printf '  hero create / raw sqlite insert  %5.1f %%  (above 100 %%: group commit puts many rows in one commit)\n' \
    "$(awk -v x="$(med_ratio hero create jmh insert 4 4)" 'BEGIN {print 100*x}')"
fi
