#!/usr/bin/env bash
# Benchmark: the auditor over two JSON Lines ledgers of RECORDS records each, the same acts with and without
# signatures (what F9's verification costs per signed act), and a bare KafkaConsumer over the same records on the
# local broker (deploy/ledgerboard up --infra-only), in one run. Usage: deploy/bench/audit-throughput.sh [RECORDS=1000000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/deploy/ledgerboard" up --infra-only >/dev/null
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.AuditThroughput "127.0.0.1:$KAFKA_PORT" "$DIR" "${1:-1000000}"
