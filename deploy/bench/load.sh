#!/usr/bin/env bash
# Load runs over REST against the local runtime (deploy/ledgerboard up), measured with wrk (Debian package).
#   deploy/bench/load.sh teams [SECONDS=20] [CONNECTIONS=8] [COMPETITIONS=1]
#                                                                  POST /competitions/{c}/teams (team-service), request
#                                                                  n to the (n mod COMPETITIONS)-th competition
#   deploy/bench/load.sh submissions [SECONDS=15] [CONNECTIONS=8]  POST /competitions/{c}/rounds/{r}/submissions
# Each run uses a new competition; submissions first selects enough teams (one submission per team and round).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WHAT=${1:?teams or submissions}
DURATION=${2:-20}
CONNECTIONS=${3:-8}
TEAM=${TEAM:-http://127.0.0.1:8081}
EVAL=${EVAL:-http://127.0.0.1:8082}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "install wrk first"; exit 1; }
"$ROOT/deploy/ledgerboard" up >/dev/null

# Every POST acts with a token from the local issuer: the organiser, and one member shared by every bench team.
ORGANISER=$("$ROOT/deploy/ledgerboard" token --role organiser --subject bench-organiser --ttl 2h)
MEMBER=$("$ROOT/deploy/ledgerboard" token --role team --subject bench-member --ttl 2h)
post() { curl -sf -o /dev/null -X POST "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $ORGANISER" -d "$2"; }
competition() {
  post "$TEAM/competitions" "{\"competitionId\":\"$1\",\"name\":\"bench\",\"organiser\":\"bench\",\"budget\":{\"KRW\":\"1\"},\"finalists\":1,\"signatures\":\"optional\"}"
}
C="bench-$WHAT-$(date +%s)"
competition "$C"
paths=()
team_body='{"teamId":"t{n}","name":"t{n}","leadOrganisation":"lead {n}","consortium":["lab {n}"],"members":["bench-member"]}'
case $WHAT in
  teams)
    url="$TEAM/competitions/$C/teams"; body=$team_body; limit=0; TOKEN=$ORGANISER
    paths=("/competitions/$C/teams")
    for k in $(seq 2 "${4:-1}"); do competition "$C-$k"; paths+=("/competitions/$C-$k/teams"); done ;;
  submissions)
    limit=$((DURATION * 150))
    echo "selecting $limit teams first..."
    seq 1 "$limit" | xargs -P 8 -I{} curl -sf -o /dev/null -X POST "$TEAM/competitions/$C/teams" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $ORGANISER" -d "${team_body//\{n\}/{}}"
    post "$EVAL/competitions/$C/rounds" "{\"roundId\":\"r1\",\"number\":1,\"submissionDeadline\":\"2099-01-01T00:00:00Z\",\"criteria\":[{\"name\":\"x\",\"weight\":\"1\",\"maxScore\":\"10\"}],\"decimals\":2,\"eliminate\":1,\"tieBreak\":[\"teamId\"]}"
    url="$EVAL/competitions/$C/rounds/r1/submissions"; TOKEN=$MEMBER
    body='{"teamId":"t{n}","artifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","modelCardUri":"https://example.org/{n}"}' ;;
  *) echo "unknown load: $WHAT"; exit 2 ;;
esac
source "$ROOT/deploy/bench/machine.sh"
machine_start
echo "command: wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency -s post-each.lua $url"
BODY=$body LIMIT=$limit THREADS=2 TOKEN=$TOKEN PATHS="${paths[*]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
  -s "$ROOT/deploy/bench/post-each.lua" "$url"
machine_end
