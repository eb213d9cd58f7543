-- wrk script of the direct baseline: POSTs the gateway's PAYONE body
-- (bench/form_body) straight to the simulator, each request with a unique
-- reference (PAYONE answers 911 to a reused one), and prints one JSON line of
-- results. Environment: BENCH_BODY (body with the placeholder __REF__),
-- BENCH_REF_PREFIX (unique per run), BENCH_DELAY_MS (pause per connection
-- between requests: paces a fixed rate; 0 = closed loop).
local body = os.getenv("BENCH_BODY")
local prefix = os.getenv("BENCH_REF_PREFIX") or "w"
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  failed = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  counter = counter + 1
  local reference = prefix .. tid .. "x" .. counter
  local payload = body:gsub("__REF__", reference)
  return wrk.format("POST", nil, nil, payload)
end

if pause > 0 then
  function delay()
    return pause
  end
end

function response(status, headers, answer)
  if status ~= 200 or not answer:find("status=APPROVED", 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"failed":%d,"connect":%d,' ..
    '"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%.1f,' ..
    '"p90_us":%.1f,"p99_us":%.1f,"p999_us":%.1f,"mean_us":%.1f,"max_us":%d}\n',
    summary.requests, summary.duration, bad, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.mean,
    latency.max))
end
