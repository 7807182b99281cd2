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
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "install wrk first"; exit 1; }
"$ROOT/deploy/ledgerboard" up >/dev/null

source "$ROOT/deploy/bench/api.sh"
C="bench-$WHAT-$(date +%s)"
launch_competition "$C"
paths=()
case $WHAT in
  teams)
    url="$TEAM/competitions/$C/teams"; body=$TEAM_BODY; limit=0; TOKEN=$ORGANISER
    paths=("/competitions/$C/teams")
    for k in $(seq 2 "${4:-1}"); do launch_competition "$C-$k"; paths+=("/competitions/$C-$k/teams"); done ;;
  submissions)
    limit=$((DURATION * 150))
    echo "selecting $limit teams first..."
    seq 1 "$limit" | xargs -P 8 -I{} curl -sf -o /dev/null -X POST "$TEAM/competitions/$C/teams" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $ORGANISER" -d "${TEAM_BODY//\{n\}/{}}"
    open_round "$C"
    url="$EVAL/competitions/$C/rounds/r1/submissions"; TOKEN=$MEMBER
    body=$(submission_body t) ;;
  *) echo "unknown load: $WHAT"; exit 2 ;;
esac
source "$ROOT/deploy/bench/machine.sh"
machine_start
echo "command: wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency -s post-each.lua $url"
BODY=$body LIMIT=$limit THREADS=2 TOKEN=$TOKEN PATHS="${paths[*]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
  -s "$ROOT/deploy/bench/post-each.lua" "$url"
machine_end
