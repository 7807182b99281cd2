#!/usr/bin/env bash
# Benchmark: record on ledger.events -> Server-Sent Event at a projections client (p50/p99), with records produced
# at RATE per second, against the local runtime (deploy/ledgerboard up). Last line: p50=Xms p99=Yms.
# Usage: deploy/bench/update-latency.sh [RATE=1000] [SECONDS=20] [WARM_UP=60]
# (the warm-up lets the services' JIT compilers finish: a fresh runtime's first seconds are not its steady state)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/deploy/ledgerboard" up >/dev/null
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
source "$ROOT/deploy/bench/machine.sh"
machine_start
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.UpdateLatency "127.0.0.1:$KAFKA_PORT" "http://127.0.0.1:$PROJECTIONS_PORT" "${1:-1000}" "${2:-20}" "${3:-60}"
machine_end
