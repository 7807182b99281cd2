#!/usr/bin/env bash
# Benchmark: RoundClosed -> TeamEliminated on ledger.events (p50/p99) over many rounds, against the local
# runtime (deploy/ledgerboard up), after WARM_UP rounds reported apart. Usage: deploy/bench/ranking-latency.sh [ROUNDS=300] [WARM_UP=100]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/deploy/ledgerboard" up >/dev/null
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
source "$ROOT/deploy/bench/machine.sh"
machine_start
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.RankingLatency "127.0.0.1:$KAFKA_PORT" "${1:-300}" "${2:-100}" | machine_end_before_last
