# Sourced by run.sh and startup-profile.sh: wait_ready PORT PID waits, up to 60 s, for a 200 on GET /heroes/ at
# 127.0.0.1:PORT while process PID lives, polling every 10 ms; returns 1 if PID ends or the time runs out.
# The poll runs in the calling shell alone (bash's /dev/tcp, read, and a read timeout on a pipe this shell holds
# open as the pause): no process starts per poll. A start-up is timed on two cores that the server being started
# keeps busy, so the poll must take next to nothing from them (the earlier poll started a subshell and a `sleep`
# process every 10 ms; docs/performance.md, "Start-up, second pass").
wait_ready() {
  local port="$1" pid="$2" i line pause ready=1
  exec {pause}<> <(:)
  trap '' PIPE  # a server that closes before the request is written: an error for printf, not the end of this shell
  for i in $(seq 1 6000); do
    kill -0 "$pid" 2>/dev/null || break
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /heroes/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >&3 2>/dev/null || true
      IFS= read -r -t 5 line <&3 2>/dev/null || line=""
      exec 3>&-
      case "$line" in
        "HTTP/1."?" 200"*) ready=0; break ;;
      esac
    fi
    read -r -t 0.01 -u "$pause" _ || true
  done
  trap - PIPE
  exec {pause}>&-
  return "$ready"
}
