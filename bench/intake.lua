-- wrk script: posts the contact form, each request with its own form token (one lead each).
--   wrk -s bench/intake.lua http://127.0.0.1:3000 -- tokens.txt <threads>
-- A 303 (to the thanks page) is an acknowledged lead; anything else counts as refused.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local every = tonumber(args[2])
  tokens, position, acknowledged, refused = {}, 0, 0, 0
  local n = 0
  for line in io.lines(args[1]) do
    if n % every == id then tokens[#tokens + 1] = line end
    n = n + 1
  end
end

local headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Sec-Fetch-Site"] = "same-origin",
}
local fields = "name=Dana+Load&email=dana%40example.com&company=Loadtest+Ltd&role=CTO"
  .. "&message=We+are+measuring+how+many+leads+the+site+takes+a+second.&consent=on&website="

function request()
  position = position + 1
  local token = tokens[position]
  if token == nil then
    error("out of form tokens: make more")
  end
  return wrk.format("POST", "/contact", headers, fields .. "&token=" .. token)
end

function response(status, headers, body)
  if status == 303 then
    acknowledged = acknowledged + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("acknowledged")
    bad = bad + thread:get("refused")
  end
  io.write(string.format("INTAKE acknowledged=%d refused=%d seconds=%.3f p99_ms=%.2f\n",
    ok, bad, summary.duration / 1e6, latency:percentile(99) / 1000))
end
