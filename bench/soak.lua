-- wrk script for bench/soak.sh: mixed reads and writes over the seeded organizations. About one request in five is a
-- write (a control comment: a row and a hash-chained audit event in one transaction); the rest read the readiness,
-- the control list and one control. Every non-2xx answer counts as an error.
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local org, assessment, token = line:match("(%S+) (%S+) (%S+)")
  targets[#targets + 1] = { org = org, assessment = assessment, token = token }
end
local i, n = 0, 0
local controls = { "1.1.1", "1.2.1", "2.1.1", "2.5.4", "3.1.1" }
request = function()
  i = (i % #targets) + 1
  n = n + 1
  local t = targets[i]
  local base = "/api/v1/orgs/" .. t.org .. "/assessments/" .. t.assessment
  local headers = { ["Authorization"] = "Bearer " .. t.token, ["Content-Type"] = "application/json" }
  local kind = n % 5
  if kind == 0 then
    return wrk.format("POST", base .. "/controls/" .. controls[(n % #controls) + 1] .. "/comments", headers, '{"body":"soak ' .. n .. '"}')
  elseif kind == 1 then
    return wrk.format("GET", base .. "/readiness", headers)
  elseif kind == 2 then
    return wrk.format("GET", base .. "/controls/" .. controls[(n % #controls) + 1], headers)
  end
  return wrk.format("GET", base .. "/controls", headers)
end
local bad = 0
response = function(status, headers, body)
  if status < 200 or status >= 300 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors, summary.requests))
end
