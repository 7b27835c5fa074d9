#!/usr/bin/env bash
# Measures the image: its size, and the time from `docker run` to the first 200 from /__flireo/health (polled
# from the host every 10 ms), beside a baseline from the same run: `docker run IMAGE --version`, which pays for
# the container and the JVM but starts no server. Not part of CI; run it by hand (docker/README.md).
#
# Usage: docker/measure.sh [IMAGE]        (env: RUNS, default 5)
set -euo pipefail

image="${1:-flireo-testkit:local}"
runs="${RUNS:-5}"
docker image inspect "$image" >/dev/null 2>&1 || { echo "measure: no image $image (docker/build-local.sh)" >&2; exit 2; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ready_ms=() baseline_ms=()
for ((i = 0; i < runs; i++)); do
  start=$(now_ms)
  docker run --rm "$image" --version >/dev/null
  baseline_ms+=($(( $(now_ms) - start )))

  start=$(now_ms)
  cid="$(docker run -d --rm -p 127.0.0.1::8080 "$image")"
  port="$(docker port "$cid" 8080/tcp | head -1 | sed 's/.*://')"
  deadline=$(( start + 30000 ))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/__flireo/health"; do
    (( $(now_ms) < deadline )) || { docker logs "$cid" >&2; docker stop "$cid" >/dev/null; echo "measure: not healthy in 30 s" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms+=($(( $(now_ms) - start )))
  docker stop -t 5 "$cid" >/dev/null
done

ready=$(printf '%s\n' "${ready_ms[@]}" | median)
baseline=$(printf '%s\n' "${baseline_ms[@]}" | median)
printf 'image %s: %s MB\n' "$image" "$(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f", $1/1000000}')"
printf 'docker run -> /__flireo/health 200: median %s ms of %s runs (%s)\n' "$ready" "$runs" "${ready_ms[*]}"
printf 'baseline docker run --version:      median %s ms (%s)\n' "$baseline" "${baseline_ms[*]}"
awk -v r="$ready" -v b="$baseline" 'BEGIN {printf "ratio: %.2f x the baseline\n", r / b}'
