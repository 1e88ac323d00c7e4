# Sourced by startup-compare.sh and throughput-compare.sh: what both do with LABEL=LAUNCHER[@JVM_OPTIONS] arguments
# and with the per-round figures they collect.

# variant LABEL=LAUNCHER[@JVM_OPTIONS] -> sets label, launcher (absolute: each server starts in a directory of its
# own; empty stays empty, the tutorial app's) and options (for JDK_JAVA_OPTIONS)
variant() {
  local spec="${1#*=}"
  label="${1%%=*}" launcher="${spec%%@*}" options=""
  [ "$spec" != "$launcher" ] && options="${spec#*@}"
  case "$launcher" in
    /*|"") ;;
    *) launcher="$PWD/$launcher" ;;
  esac
}

# a TCP port free on 127.0.0.1 now, for the next server to listen on
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# median of the numbers on standard input, separated by spaces or lines
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# median_ratio "MINE" "BASE": the median of the per-round ratios MINE[i] / BASE[i] (space-separated figures)
median_ratio() {
  local mine base ratios="" i
  read -r -a mine <<<"$1"; read -r -a base <<<"$2"
  for i in "${!mine[@]}"; do ratios+="$(awk -v a="${mine[$i]}" -v b="${base[$i]}" 'BEGIN {printf "%.4f ", a / b}')"; done
  echo "$ratios" | median
}
