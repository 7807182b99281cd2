#!/usr/bin/env bash
# Benchmark: record on ledger.events -> Server-Sent Event at a projections client (p50/p99), against the local
# runtime (deploy/ledgerboard up). Usage: deploy/bench/update-latency.sh [SAMPLES=60]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/deploy/ledgerboard" up >/dev/null
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.UpdateLatency "127.0.0.1:$KAFKA_PORT" "http://127.0.0.1:$PROJECTIONS_PORT" "${1:-60}"
