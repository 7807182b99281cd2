#!/usr/bin/env bash
# Load run for team-service: commands/s and latency percentiles of POST /competitions/{c}/teams over REST.
# Starts the embedded broker and store (deploy/ledgerboard up --infra-only) and the packaged team-service on a
# spare port, drives it with wrk (Debian package 'wrk'), then stops the service.
# Usage: deploy/bench/team-service-load.sh [SECONDS=20] [CONNECTIONS=8]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${1:-20}
CONNECTIONS=${2:-8}
PORT=${BENCH_PORT:-18181}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "install wrk first"; exit 1; }
[[ -f $ROOT/team-service/target/quarkus-app/quarkus-run.jar ]] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl team-service -am install)

"$ROOT/deploy/ledgerboard" up --infra-only >/dev/null
source "$ROOT/.ledgerboard/run/ports.env" 2>/dev/null || true
LOG=$(mktemp)
java -Dquarkus.http.port="$PORT" \
  -Dledgerboard.kafka.bootstrap-servers="127.0.0.1:${KAFKA_PORT:-9092}" \
  -Dquarkus.mongodb.connection-string="mongodb://127.0.0.1:${STORE_PORT:-27017}" \
  -Dledgerboard.mongo.database=team-bench -Dledgerboard.key-file="$ROOT/.ledgerboard/keys/team-bench.pem" \
  -jar "$ROOT/team-service/target/quarkus-app/quarkus-run.jar" >"$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done

C="bench-$(date +%s)"
curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/competitions" -H 'Content-Type: application/json' \
  -d "{\"competitionId\":\"$C\",\"name\":\"bench\",\"organiser\":\"bench\",\"budget\":{\"KRW\":\"1\"},\"finalists\":1}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency -s select-teams.lua .../competitions/$C/teams"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/deploy/bench/select-teams.lua" \
  "http://127.0.0.1:$PORT/competitions/$C/teams"
