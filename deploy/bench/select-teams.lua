-- wrk script: every request selects a new team (unique id per thread and request) with its own Idempotency-Key.
local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
  table.insert(threads, thread)
end

local sent = 0
request = function()
  sent = sent + 1
  local team = string.format("w%d-%d", tid, sent)
  local body = string.format('{"teamId":"%s","name":"%s","leadOrganisation":"lead","consortium":["lab"]}', team, team)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Idempotency-Key"] = team}, body)
end
