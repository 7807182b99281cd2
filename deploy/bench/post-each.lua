-- wrk script: POSTs one new command per request. The body template's {n} becomes a number unique to the thread
-- and request (e.g. a new team id, or the id of one of the teams prepared for submissions); each request also
-- carries its own Idempotency-Key. Environment: BODY (template), ids from 1 to LIMIT (0 = no limit), TOKEN (the
-- bearer token every request acts with), PATHS (optional: space-separated request paths; request n goes to path
-- n modulo their number, e.g. one per competition).
local body = os.getenv("BODY")
local authorization = "Bearer " .. os.getenv("TOKEN")
local limit = tonumber(os.getenv("LIMIT") or "0")
local threads = 0
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "", "%S+") do
  paths[#paths + 1] = p
end

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
  thread:set("nthreads", os.getenv("THREADS") or "2")
end

local sent = 0
request = function()
  sent = sent + 1
  local n = (sent - 1) * tonumber(nthreads) + tid
  if limit > 0 and n > limit then
    wrk.thread:stop()
  end
  local text = body:gsub("{n}", tostring(n))
  local path = nil
  if #paths > 0 then
    path = paths[(n - 1) % #paths + 1]
  end
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["Authorization"] = authorization, ["Idempotency-Key"] = "bench-" .. tid .. "-" .. sent}, text)
end

-- A refusal is shown (on stderr, the first per thread) so that a run's "refused" count comes with its reason.
local shown = false
response = function(status, headers, body)
  if status >= 300 and not shown then
    shown = true
    io.stderr:write("  refused: " .. status .. " " .. string.sub(body, 1, 200) .. "\n")
  end
end
