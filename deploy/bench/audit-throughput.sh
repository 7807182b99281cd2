#!/usr/bin/env bash
# Benchmark: the auditor over a JSON Lines ledger of RECORDS records, and a bare KafkaConsumer over the same records
# on the local broker (deploy/ledgerboard up --infra-only), in one run. Usage: deploy/bench/audit-throughput.sh [RECORDS=1000000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/deploy/ledgerboard" up --infra-only >/dev/null
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
FILE=$(mktemp --suffix=.jsonl)
trap 'rm -f "$FILE"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.AuditThroughput "127.0.0.1:$KAFKA_PORT" "$FILE" "${1:-1000000}"
