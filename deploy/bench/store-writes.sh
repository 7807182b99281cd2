#!/usr/bin/env bash
# The cost of the embedded store's durable commits: 1 KB inserts over the MongoDB wire protocol, N threads,
# with H2's background commit and with a commit before each answer (deploy/src/main/java/.../StoreWriteRate).
#   deploy/bench/store-writes.sh [SECONDS=10] [THREADS=8]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[[ -d $ROOT/deploy/target/lib ]] || (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl deploy -am install)
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.StoreWriteRate "${1:-10}" "${2:-8}"
