# Sourced by the load benchmarks (load.sh, commands.sh) once the local runtime is up; needs ROOT. The runtime's API,
# tokens from its local issuer (the organiser, and one member shared by every bench team) and what the benchmarks post.
source "${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run/ports.env"
TEAM=${TEAM:-http://127.0.0.1:$TEAM_PORT}
EVAL=${EVAL:-http://127.0.0.1:$EVALUATION_PORT}
ORGANISER=$("$ROOT/deploy/ledgerboard" token --role organiser --subject bench-organiser --ttl 2h)
MEMBER=$("$ROOT/deploy/ledgerboard" token --role team --subject bench-member --ttl 2h)
# {n}: the request's number (post-each.lua)
TEAM_BODY='{"teamId":"t{n}","name":"t{n}","leadOrganisation":"lead {n}","consortium":["lab {n}"],"members":["bench-member"]}'

post() { curl -sf -o /dev/null -X POST "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $ORGANISER" -d "$2"; }

# launch_competition ID: signatures optional, so the benchmarks' commands are plain ones
launch_competition() {
  post "$TEAM/competitions" "{\"competitionId\":\"$1\",\"name\":\"bench\",\"organiser\":\"bench\",\"budget\":{\"KRW\":\"1\"},\"finalists\":1,\"signatures\":\"optional\"}"
}

# open_round COMPETITION: round r1, open for submissions
open_round() {
  post "$EVAL/competitions/$1/rounds" '{"roundId":"r1","number":1,"submissionDeadline":"2099-01-01T00:00:00Z","criteria":[{"name":"x","weight":"1","maxScore":"10"}],"decimals":2,"eliminate":1,"tieBreak":["teamId"]}'
}

# submission_body PREFIX: a submission of team PREFIX{n}
submission_body() {
  echo "{\"teamId\":\"$1{n}\",\"artifactDigest\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"modelCardUri\":\"https://example.org/{n}\"}"
}
