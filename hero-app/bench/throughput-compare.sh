#!/usr/bin/env bash
# Steady-state throughput of several builds of Hero, or of one image with different JVM options, loaded alternately
# (docs/performance.md, "Start-up, fourth pass"). From anywhere:
#   bash hero-app/bench/throughput-compare.sh [--rounds N] [--window S] [--rows N] [--scenarios "get page create mix"] LABEL=LAUNCHER[@JVM_OPTIONS] ...
# Starts every variant at once, each on its own port and SQLite file holding the same N heroes (default 1000, as
# run.sh loads them), warms each with every scenario for one window, then, round after round, drives each scenario
# (run.sh's wrk scripts, 2 threads, 32 connections) for S seconds (default 5) against each variant in turn, every
# other round in the opposite order: only one variant is under load at a time, a machine whose speed wanders between
# minutes (a shared host) slows every variant of a round alike, and what one load leaves running (a compile, a
# collection, a checkpoint) spills into a different variant's window from round to round. Prints per scenario and
# variant the median requests/s and the median of the per-round ratios to the first variant.
# LABEL=LAUNCHER[@JVM_OPTIONS] as in startup-compare.sh, such as
#   bash hero-app/bench/throughput-compare.sh before=/tmp/before/bin/hero after=hero-app/target/hero/bin/hero
#   bash hero-app/bench/throughput-compare.sh image=hero-app/target/hero/bin/hero "c1=hero-app/target/hero/bin/hero@-XX:TieredStopAtLevel=1"
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/hero-app/bench"
# shellcheck source=wait-ready.sh
. "$bench/wait-ready.sh"
# shellcheck source=load-rows.sh
. "$bench/load-rows.sh"
# shellcheck source=variants.sh
. "$bench/variants.sh"
rounds=5 window=5 rows=1000 scenarios="get page create mix" variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --window) window="$2"; shift ;;
    --rows) rows="$2"; shift ;;
    --scenarios) scenarios="$2"; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *=*) variants+=("$1") ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "${#variants[@]}" -gt 0 ] || { echo "give at least one LABEL=LAUNCHER (see --help)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hero-throughput.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

declare -A port_of rps
start() {  # label launcher options dir port
  (cd "$4" && SERVER_PORT="$5" SERVER_HOST=127.0.0.1 HERO_DB_URL="jdbc:sqlite:$4/hero.db" \
    JDK_JAVA_OPTIONS="$3" exec "$2" >>"$4/server.log" 2>&1) &
  started=$!
  wait_ready "$5" "$started" || { echo "$1 did not start; its log:" >&2; cat "$4/server.log" >&2; exit 1; }
}
for variant in "${variants[@]}"; do
  variant "$variant"
  dir="$work/$label"; mkdir -p "$dir"
  port="$(free_port)"
  start "$label" "$launcher" "$options" "$dir" "$port"  # creates the schema
  kill -TERM "$started"; wait "$started" 2>/dev/null || true
  load_rows "$dir/hero.db" "$rows"
  start "$label" "$launcher" "$options" "$dir" "$port"
  pids+=("$started"); port_of[$label]="$port"
done

load() {  # scenario port -> requests/s
  HERO_BENCH_DIR="$bench" HERO_BENCH_ROWS="$rows" wrk -t2 -c32 -d"${window}s" --timeout 5s -s "$bench/$1.lua" \
    "http://127.0.0.1:$2" 2>&1 | awk '/^Requests\/sec/ {printf "%d", $2}'
}
for scenario in $scenarios; do
  for variant in "${variants[@]}"; do load "$scenario" "${port_of[${variant%%=*}]}" >/dev/null; done
done
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  order=("${variants[@]}")
  if [ $((round % 2)) = 0 ]; then  # every other round backwards: what a load leaves behind (a compile, a collection,
    order=()                       # a checkpoint) runs into the next variant's window, and that is a different one
    for ((i = ${#variants[@]} - 1; i >= 0; i--)); do order+=("${variants[$i]}"); done
  fi
  for scenario in $scenarios; do
    line+="  $scenario"
    for variant in "${order[@]}"; do
      label="${variant%%=*}"
      r="$(load "$scenario" "${port_of[$label]}")"
      [ -n "$r" ] || { echo "wrk failed for $label $scenario" >&2; exit 1; }
      rps[$label.$scenario]+="$r "; line+=" $label $r"
    done
  done
  echo "$line"
done

first="${variants[0]%%=*}"
echo "medians of $rounds alternating rounds of ${window} s per scenario and variant (requests/s; ratio per round to $first)"
for scenario in $scenarios; do
  for variant in "${variants[@]}"; do
    label="${variant%%=*}"
    printf '  %-10s %-12s %8s req/s   x%.2f\n' "$scenario" "$label" "$(echo "${rps[$label.$scenario]}" | median)" \
      "$(median_ratio "${rps[$label.$scenario]}" "${rps[$first.$scenario]}")"
  done
done
