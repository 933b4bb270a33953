-- wrk script: rotate through seeded organizations; PATH_KIND = readiness | controls | ping (env var).
local targets = {}
local kind = os.getenv("PATH_KIND") or "readiness"
for line in io.lines(os.getenv("TARGETS")) do
  local org, assessment, token = line:match("(%S+) (%S+) (%S+)")
  targets[#targets + 1] = { org = org, assessment = assessment, token = token }
end
local i = 0
request = function()
  i = (i % #targets) + 1
  local t = targets[i]
  local path
  if kind == "ping" then
    path = "/api/v1/ping"
  elseif kind == "controls" then
    path = "/api/v1/orgs/" .. t.org .. "/assessments/" .. t.assessment .. "/controls"
  else
    path = "/api/v1/orgs/" .. t.org .. "/assessments/" .. t.assessment .. "/readiness"
  end
  if kind == "ping" then
    return wrk.format("GET", path)
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. t.token })
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %s rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d requests=%d\n",
    kind, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
