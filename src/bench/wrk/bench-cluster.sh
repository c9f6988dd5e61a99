#!/usr/bin/env bash
# Load a local 3-node cluster with wrk: puts at 1, 16 and 64 connections, linearizable reads at 16.
# Prints requests/s, p50 and p99 per point, and each node's peak resident memory (VmHWM).
#
#   src/bench/wrk/bench-cluster.sh [SECONDS_PER_POINT] [JAR]
#
# JVM options for the nodes come from NODE_JAVA_OPTS (default: the ones `cluster start` uses).
# Needs wrk (Debian: apt-get install -y wrk) and a built jar (mvn -B -ntp package -DskipTests).
# Nodes listen on 127.0.0.1:18501-18503 with data under a temporary directory, fsync on, and are
# stopped at the end, whatever happens.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
secs="${1:-10}"
jar="${2:-$here/../../../target/raftsim.jar}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$jar" ] || { echo "no jar at $jar: run mvn -B -ntp package -DskipTests" >&2; exit 2; }

data="$(mktemp -d)"
pids=()
stop() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$data"
}
trap stop EXIT

ports=(18501 18502 18503)
for i in 1 2 3; do
  peers=""
  for j in 1 2 3; do
    [ "$j" = "$i" ] || peers="$peers${peers:+,}$j=127.0.0.1:${ports[$((j - 1))]}"
  done
  # shellcheck disable=SC2086
  java ${NODE_JAVA_OPTS:--XX:+UseSerialGC} -jar "$jar" server --id "$i" --port "${ports[$((i - 1))]}" --data-dir "$data/node$i" --peers "$peers" \
    >"$data/node$i.log" 2>&1 &
  pids+=("$!")
done

leader=""
for _ in $(seq 1 100); do
  leader="$(curl -s "http://127.0.0.1:${ports[0]}/client/leader" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')" || true
  [ -n "$leader" ] && break
  sleep 0.1
done
[ -n "$leader" ] || { echo "no leader elected in 10 s" >&2; exit 1; }
echo "leader: $leader; $secs s per point; jar: $jar"

# Warm up the JIT of all three nodes before measuring.
wrk -t2 -c16 -d3s -s "$here/put.lua" "$leader" >/dev/null

point() { # name connections script
  local out
  out="$(wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"${secs}s" --latency -s "$here/$3" "$leader")"
  printf '%-6s %3s conn  %9s req/s  p50 %8s  p99 %8s  errors: %s\n' "$1" "$2" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd ';' || true)"
}
point puts 1 put.lua
point puts 16 put.lua
point puts 64 put.lua
point reads 16 read.lua

for i in 1 2 3; do
  pid="${pids[$((i - 1))]}"
  printf 'node %d peak RSS: %s\n' "$i" "$(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")"
done
curl -s "$leader/client/status"
echo
