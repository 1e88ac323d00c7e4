#!/usr/bin/env bash
# Start-up of several builds of Hero (and the tutorial app), alternately (docs/performance.md, "Start-up, third pass").
# From anywhere:
#   bash hero-app/bench/startup-compare.sh [--rounds N] [--tutorial] LABEL=LAUNCHER[@JVM_OPTIONS] ...
# Each round starts every variant once, in the order given, each on an empty directory with a fresh SQLite file, and
# times it from process launch to the first 200 on GET /heroes/ by the same 10 ms poll as run.sh (wait-ready.sh);
# it also reads the process's CPU time (user + system, all threads) at that moment. At the end: per variant the median
# start-up and CPU time, then the median of the per-round ratios of each variant to the first one. On a machine whose
# timings wander (a shared host), only alternating rounds like these say whether a change helped: many of them.
#   LABEL=LAUNCHER            a runtime image's bin/hero (a copy of hero-app/target/hero elsewhere works too:
#                             cp -a hero-app/target/hero /tmp/before before a change, then compare both)
#   LABEL=LAUNCHER@OPTIONS    the same with JDK_JAVA_OPTIONS set, such as before=/tmp/before/bin/hero@-XX:+UseSerialGC
#   --tutorial                also the tutorial app with 1 worker (../shared/reference, as run.sh --compare starts it)
#   --rounds N                rounds (default 15)
# Example: bash hero-app/bench/startup-compare.sh --rounds 30 --tutorial before=/tmp/before/bin/hero after=hero-app/target/hero/bin/hero
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=wait-ready.sh
. "$root/hero-app/bench/wait-ready.sh"
# shellcheck source=variants.sh
. "$root/hero-app/bench/variants.sh"
reference="$root/../shared/reference"
venv="${VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hero-reference-venv}"
rounds=15 tutorial=0 variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --tutorial) tutorial=1 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *=*) variants+=("$1") ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "${#variants[@]}" -gt 0 ] || { echo "give at least one LABEL=LAUNCHER (see --help)" >&2; exit 2; }
if [ "$tutorial" = 1 ]; then
  [ -x "$reference/start.sh" ] || { echo "--tutorial needs the tutorial app at $reference/start.sh" >&2; exit 1; }
  if [ ! -x "$venv/bin/uvicorn" ]; then  # start.sh makes the venv the first time
    port="$(free_port)"
    kill "$("$reference/start.sh" "$port" "$(mktemp -d)" 1)"
  fi
  variants+=("tutorial=")
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/hero-startup.XXXXXX")"
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT
ticks="$(getconf CLK_TCK)"
declare -A wall cpu

for round in $(seq 1 "$rounds"); do
  line="round $round:"
  for variant in "${variants[@]}"; do
    variant "$variant"
    dir="$work/$label-$round"; mkdir -p "$dir"
    port="$(free_port)"
    t0="$(date +%s%3N)"
    if [ "$label" = tutorial ]; then
      (cd "$dir" && exec "$venv/bin/uvicorn" main:app --app-dir "$reference" --host 127.0.0.1 --port "$port" --workers 1 \
        --loop uvloop --http httptools --log-level warning --no-access-log >"$dir/server.log" 2>&1 </dev/null) &
    else
      (cd "$dir" && SERVER_PORT="$port" SERVER_HOST=127.0.0.1 HERO_DB_URL="jdbc:sqlite:$dir/hero.db" \
        JDK_JAVA_OPTIONS="$options" exec "$launcher" >"$dir/server.log" 2>&1) &
    fi
    pid=$!
    wait_ready "$port" "$pid" || { echo "$label did not start; its log:" >&2; cat "$dir/server.log" >&2; exit 1; }
    ms=$(( $(date +%s%3N) - t0 ))
    read -r -a stat < "/proc/$pid/stat"
    cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    wall[$label]+="$ms "; cpu[$label]+="$cpu_ms "
    line+="  $label $ms ms (CPU $cpu_ms)"
    rm -rf "$dir"
  done
  echo "$line"
done

first="${variants[0]%%=*}"
echo "medians of $rounds alternating rounds (start-up: launch to the first 200 on GET /heroes/; CPU: all threads until then)"
for variant in "${variants[@]}"; do
  label="${variant%%=*}"
  printf '  %-12s start-up %5s ms   CPU %5s ms   per-round ratio to %s x%.2f\n' "$label" \
    "$(echo "${wall[$label]}" | median)" "$(echo "${cpu[$label]}" | median)" "$first" \
    "$(median_ratio "${wall[$label]}" "${wall[$first]}")"
done
