-- wrk: a logged-in client (the session cookie from the environment); prints JSON at the end.
local cookie = os.getenv("BENCH_COOKIE")
wrk.headers["Cookie"] = cookie
wrk.headers["Accept-Language"] = "zh-hant"

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"p50": %.3f, "p95": %.3f, "p99": %.3f, "requests": %d, "seconds": %.3f, "errors": %d}\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.duration / 1e6, errors))
end
