#!/usr/bin/env bash
# Where Hero's start-up goes (docs/performance.md, "Start-up, profiled"). From anywhere:
#   bash hero-app/bench/startup-profile.sh [--event cpu|wall] [--no-build] [--hero-jvm-options "..."]
# Starts the runtime image (hero-app/target/hero/bin/hero) on an empty directory under async-profiler, polls
# GET /heroes/ every 10 ms until it answers 200, stops Hero with SIGTERM, then prints: the time to the first 200,
# the process's CPU time until then, the samples per thread (the JIT compilers' threads included), and the
# frames of the main thread and of the database-opening thread that hold the most samples.
#   --event cpu   CPU time (perf events; the default): what competes for the two cores
#   --event wall  wall-clock time: where a thread waits, such as the main thread for the database
# async-profiler comes from Maven Central (tools.profiler:async-profiler, linux-x64) into hero-app/target.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=wait-ready.sh
. "$root/hero-app/bench/wait-ready.sh"
event=cpu build=1 hero_jvm_options=""
while [ $# -gt 0 ]; do
  case "$1" in
    --event) event="$2"; shift ;;
    --no-build) build=0 ;;
    --hero-jvm-options) hero_jvm_options="$2"; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

version=4.2
profiler="$root/hero-app/target/async-profiler-$version/linux-x64/libasyncProfiler.so"
if [ "$build" = 1 ]; then
  (cd "$root" && bash .ci/jdk mvn -B -q -ntp -DskipTests package -pl hero-app -am)
fi
if [ ! -f "$profiler" ]; then
  (cd "$root" && bash .ci/jdk mvn -B -q -ntp dependency:get -Dtransitive=false \
    -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" >/dev/null)
  mkdir -p "$(dirname "$(dirname "$profiler")")"
  (cd "$(dirname "$(dirname "$profiler")")" && bash "$root/.ci/jdk" jar xf \
    "$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar" linux-x64)
fi

work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
samples="$work/samples.txt"
now_ms() { date +%s%3N; }
t0="$(now_ms)"
(cd "$work" && SERVER_PORT="$port" SERVER_HOST=127.0.0.1 HERO_DB_URL="jdbc:sqlite:$work/hero.db" \
  JDK_JAVA_OPTIONS="$hero_jvm_options -agentpath:$profiler=start,event=$event,interval=1ms,threads,file=$samples,collapsed" \
  exec "$root/hero-app/target/hero/bin/hero" >"$work/hero.log" 2>&1) &
pid=$!
wait_ready "$port" "$pid" || { echo "Hero did not answer; its log:" >&2; cat "$work/hero.log" >&2; exit 1; }
elapsed=$(( $(now_ms) - t0 ))
read -r -a stat < "/proc/$pid/stat"
ticks="$(getconf CLK_TCK)"
cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "first 200 after $elapsed ms (under the profiler), CPU time until then $cpu_ms ms; $(grep -o 'started in [0-9]* ms' "$work/hero.log")"
python3 - "$samples" "$event" <<'PY'
import collections, sys
path, event = sys.argv[1], sys.argv[2]
threads, frames = collections.Counter(), {"main": collections.Counter(), "hero-open-database": collections.Counter()}
for line in open(path):
    stack, count = line.rsplit(" ", 1)
    count = int(count)
    parts = stack.split(";")
    name = parts[0].strip("[]").split(" tid=")[0]
    name = "main" if name == "DestroyJavaVM" else name
    threads[name] += count
    if name in frames:
        for frame in set(parts[1:]):
            if frame.startswith(("dev/hero", "org/flywaydb/core/Flyway.", "io/helidon/config/Config", "org/hibernate/validator/internal/engine/ValidatorImpl.getConstraintsForClass")):
                frames[name][frame] += count
unit = "ms of CPU" if event == "cpu" else "ms"
print(f"samples per thread (1 ms each, {unit}):")
for name, count in threads.most_common(10):
    print(f"  {count:6d}  {name}")
for name, counter in frames.items():
    print(f"{name} thread, frames holding the most samples (inclusive):")
    for frame, count in counter.most_common(14):
        print(f"  {count:6d}  {frame}")
PY
