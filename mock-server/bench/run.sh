#!/usr/bin/env bash
# Load harness (not a test; never part of `mvn verify`): throughput and latency of the Flireo mock next to Prism,
# serving the same flireo-api.yaml, in one run on 127.0.0.1. Prints a Markdown table for mock-server/README.md.
#
#   mock-server/bench/run.sh [DURATION_SECONDS]      # default 15 s per measurement
#
# Needs: Java 17, Maven (to build the CLI jar), wrk (installed with apt-get when missing), npx (Prism from npm).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-15}"
connections=16
threads=2
prism_version="5.16.0"
mock_port=18461
prism_port=18462
work="$(mktemp -d)"
pids=()
cleanup() {
  # Each server runs in its own process group (setsid), so npx's node child stops with it.
  for pid in "${pids[@]:-}"; do [[ -n "$pid" ]] && kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)) >/dev/null
fi
"$root/flireo" --version >/dev/null            # builds cli/target/flireo.jar (and its class-data archive) when needed
jar="$root/cli/target/flireo.jar"
java -jar "$jar" openapi --write "$work/specs" >/dev/null
npx --yes "@stoplight/prism-cli@$prism_version" --version >/dev/null 2>&1   # download before timing

now_ms() { date +%s%3N; }

# wait_ready PORT PATH: polls until http://127.0.0.1:PORT/PATH answers 2xx. Pure bash (/dev/tcp, read -t): a poll
# loop that starts curl, date and sleep every few milliseconds takes most of a core from the server it is timing on a
# 2-core machine (it made either server's start look about 300 ms slower).
wait_ready() {
  local port="$1" path="$2" status tick deadline=$(( ${EPOCHREALTIME/./} / 1000 + 60000 ))
  exec {tick}<> <(:)
  while :; do
    status=""
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer fl_bench\r\n\r\n' "$path" >&3
      read -r _ status _ <&3 || true
      exec 3>&-
    fi
    [[ "$status" == 2* ]] && break
    (( ${EPOCHREALTIME/./} / 1000 < deadline )) || { echo "not ready: 127.0.0.1:$port$path" >&2; exit 1; }
    read -rt 0.005 -u "$tick" || true
  done
  exec {tick}>&-
}

first_request_ms() {
  curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer fl_bench" "$1" | awk '{printf "%.1f", $1 * 1000}'
}

# measure NAME URL [LUA]: prints "rps p50 p99" from wrk.
measure() {
  local url="$1" script="${2:-}"
  local args=(-t"$threads" -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer fl_bench")
  [[ -n "$script" ]] && args+=(-s "$script")
  wrk "${args[@]}" "$url" > "$work/wrk.out"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")
  echo "$rps $p50 $p99 ${non2xx:-0}"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "wrk -t$threads -c$connections -d${duration}s, 127.0.0.1, Prism $prism_version"

# --- Flireo mock (demo data off: both servers start from the same empty API) ---
start=$(now_ms)
setsid "$root/flireo" mock --port "$mock_port" --no-demo-data > "$work/mock.log" 2>&1 &   # as a user starts it
pids+=($!)
wait_ready "$mock_port" /__flireo/health
mock_start=$(( $(now_ms) - start ))
mock_first=$(first_request_ms "http://127.0.0.1:$mock_port/api/v1/assistants")

# --- Prism ---
start=$(now_ms)
setsid npx --yes "@stoplight/prism-cli@$prism_version" mock -h 127.0.0.1 -p "$prism_port" "$work/specs/flireo-api.yaml" \
  > "$work/prism.log" 2>&1 &
pids+=($!)
wait_ready "$prism_port" /voices   # Prism serves the paths without the server prefix
prism_start=$(( $(now_ms) - start ))
prism_first=$(first_request_ms "http://127.0.0.1:$prism_port/assistants")

# Warm both up on the measured requests (the JVM compiles hot code after a few thousand calls), then measure
# GET before POST: the mock's list grows with every POST, Prism's answers never change.
warm() { wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer fl_bench" "$@" >/dev/null; }
warm "http://127.0.0.1:$mock_port/api/v1/assistants"
warm "http://127.0.0.1:$prism_port/assistants"
read -r m_get_rps m_get_p50 m_get_p99 m_get_err <<<"$(measure "http://127.0.0.1:$mock_port/api/v1/assistants")"
read -r p_get_rps p_get_p50 p_get_p99 p_get_err <<<"$(measure "http://127.0.0.1:$prism_port/assistants")"
# The same GET again with the dashboard open in headless Chromium (it polls /__flireo/changes twice a second and
# fetches what changed), to see what a developer watching the page costs the API.
d_get_rps=n/a d_get_p50=n/a d_get_p99=n/a
if command -v chromium >/dev/null; then
  setsid chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --remote-debugging-port=0 \
    "http://127.0.0.1:$mock_port/__flireo/ui/" > "$work/chromium.log" 2>&1 &
  chromium_pid=$!
  pids+=("$chromium_pid")
  sleep 3   # the page loads and starts polling
  read -r d_get_rps d_get_p50 d_get_p99 _ <<<"$(measure "http://127.0.0.1:$mock_port/api/v1/assistants")"
  kill -- "-$chromium_pid" 2>/dev/null || true
fi
warm -s "$root/mock-server/bench/post-assistant.lua" "http://127.0.0.1:$mock_port/api/v1/assistants"
read -r m_post_rps m_post_p50 m_post_p99 m_post_err <<<"$(measure "http://127.0.0.1:$mock_port/api/v1/assistants" "$root/mock-server/bench/post-assistant.lua")"
read -r p_post_rps p_post_p50 p_post_p99 p_post_err <<<"$(measure "http://127.0.0.1:$prism_port/assistants" "$root/mock-server/bench/post-assistant.lua")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }'; }

echo
echo "| measurement | Flireo mock | Prism $prism_version | mock / Prism |"
echo "|---|---|---|---|"
echo "| GET /api/v1/assistants, requests/s | $m_get_rps | $p_get_rps | $(ratio "$m_get_rps" "$p_get_rps") |"
echo "| GET p50 / p99 latency | $m_get_p50 / $m_get_p99 | $p_get_p50 / $p_get_p99 | |"
echo "| GET with the dashboard open, requests/s (p50 / p99) | $d_get_rps ($d_get_p50 / $d_get_p99) | | $(ratio "$d_get_rps" "$m_get_rps") of the GET above |"
echo "| POST /api/v1/assistants, requests/s | $m_post_rps | $p_post_rps | $(ratio "$m_post_rps" "$p_post_rps") |"
echo "| POST p50 / p99 latency | $m_post_p50 / $m_post_p99 | $p_post_p50 / $p_post_p99 | |"
echo "| non-2xx answers (GET, POST) | $m_get_err, $m_post_err | $p_get_err, $p_post_err | |"
echo "| start until ready | ${mock_start} ms | ${prism_start} ms | |"
echo "| first API request after start | ${mock_first} ms | ${prism_first} ms | |"
