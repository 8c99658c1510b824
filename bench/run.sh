#!/usr/bin/env bash
# Measures the packaged jar the way a user runs it: start time, jar size, creates/s under a closed-loop load of 1 and
# 8 clients (bench/CreateLoad.java), and the latency of 1,000 chat turns with the offline model
# (bench/ChatTurns.java). Uses a fresh data dir; stops the server at the end.
#   bench/run.sh            (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/taskbot.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
port=${PORT:-18000}
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

start=$(date +%s%N)
java -jar "$jar" --server.port="$port" --taskbot.data-dir="$data" --taskbot.rate-limits.enabled=false \
  --taskbot.kafka.embedded-port=0 >"$data/server.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.1
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "jar size: $(du -h "$jar" | cut -f1)"
echo "time to first healthy response: ${ready} ms ($(grep -o 'Started TaskbotApplication in [0-9.]* seconds' "$data/server.log"))"
for clients in 1 8; do
  java bench/CreateLoad.java "http://127.0.0.1:$port" "$clients" "${SECONDS_PER_RUN:-20}"
done
java bench/ChatTurns.java "http://127.0.0.1:$port" "${CHAT_TURNS:-1000}"
echo "server RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
