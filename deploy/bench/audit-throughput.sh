#!/usr/bin/env bash
# Benchmark (AuditThroughput explains it): the auditor reading RECORDS records from the local broker (deploy/ledgerboard
# up --infra-only) against a bare KafkaConsumer reading the same, in competitions of 1,000 and of 100,000 events, and
# a signed ledger for what F9 costs. Last line: auditor/s=A consumer/s=B ratio=R linearity=L.
# Usage: deploy/bench/audit-throughput.sh [RECORDS=1000000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/deploy/ledgerboard" up --infra-only >/dev/null
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
source "$ROOT/deploy/bench/machine.sh"
machine_start
# the auditor's JVM options as `ledgerboard audit` sets them
java -Xmx4g -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.AuditThroughput "127.0.0.1:$KAFKA_PORT" "$DIR" "${1:-1000000}" | machine_end_before_last
