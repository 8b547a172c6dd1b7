-- wrk script: cycles valid, tampered, duplicated-name and oversized 99bill notifications (query
-- strings written by notifications.php into LOAD_DIR) and checks every reply against the request
-- it answers.
--
-- Why each request carries its own tag (X-Load-Id, echoed back by the server) instead of pairing
-- replies with requests by order: wrk calls request() once on thread 1's Lua state before the run
-- (script_verify_request in wrk.c, to count pipelined requests) and never sends that request, so
-- a counter or queue there is one ahead for the whole run; and the connections of one thread share
-- one Lua state and finish in any order. Pairing by order was off by one on thread 1 (2 of every
-- 3 replies "wrong", about 1/3 overall with -t2) and mixed up whenever -c > -t.
--
-- A valid notification must be answered 200 <result>1</result>, the others 200
-- <result>0</result>. "wrong": a reply with another status or body, a reply whose tag was never
-- sent or was answered before. "unanswered": tags sent and never answered: the verification
-- call plus at most one in flight per connection when wrk stops.
local dir = os.getenv("LOAD_DIR")
local function read(name)
  local f = assert(io.open(dir .. "/" .. name)); local s = f:read("*a"); f:close(); return s
end
local kinds = { "valid", "tampered", "duplicated", "oversized" }
local want = { valid = "<result>1</result>" }
local query = {}
local pending = {}
-- globals, read by done() through thread:get(); per kind: n_<kind> answered, ok_<kind> right
sent, answered, wrong, s5xx, unanswered = 0, 0, 0, 0, 0
first_wrong = ""
for _, k in ipairs(kinds) do _G["n_" .. k], _G["ok_" .. k] = 0, 0 end
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function init()
  for _, k in ipairs(kinds) do query[k] = "/receive.php?" .. read(k .. ".query") end
end

local n = 0
function request()
  n = n + 1
  local kind = kinds[(n - 1) % #kinds + 1]
  local tag = id .. "-" .. n
  pending[tag] = kind
  sent = sent + 1
  unanswered = unanswered + 1
  return wrk.format("GET", query[kind], { ["X-Load-Id"] = tag })
end

local function bad(why)
  wrong = wrong + 1
  if first_wrong == "" then first_wrong = why end
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 end
  local tag = headers["X-Load-Id"]
  local kind = tag and pending[tag]
  if not kind then return bad("reply for unknown or repeated tag " .. tostring(tag)) end
  pending[tag] = nil
  answered = answered + 1
  unanswered = unanswered - 1
  local expect = want[kind] or "<result>0</result>"
  _G["n_" .. kind] = _G["n_" .. kind] + 1
  if status ~= 200 or body:sub(1, #expect) ~= expect then
    bad(kind .. " " .. tag .. ": " .. status .. " " .. body:sub(1, 40))
  else
    _G["ok_" .. kind] = _G["ok_" .. kind] + 1
  end
end

function done(summary, latency, requests)
  local t = { sent = 0, answered = 0, wrong = 0, s5xx = 0, unanswered = 0 }
  for _, k in ipairs(kinds) do t["n_" .. k], t["ok_" .. k] = 0, 0 end
  local why = ""
  for _, th in ipairs(threads) do
    for k in pairs(t) do t[k] = t[k] + th:get(k) end
    if why == "" then why = th:get("first_wrong") end
  end
  io.write(string.format("checked %d wrong %d 5xx %d unanswered %d sent %d\n",
    t.answered, t.wrong, t.s5xx, t.unanswered, t.sent))
  -- "right/answered" per kind: a tampered one is right only with the failure reply
  local per = {}
  for _, k in ipairs(kinds) do per[#per + 1] = string.format("%s %d/%d", k, t["ok_" .. k], t["n_" .. k]) end
  io.write("kinds " .. table.concat(per, " ") .. "\n")
  if why ~= "" then io.write("first wrong: " .. why .. "\n") end
  io.write(string.format("latency p50 %.0f us p99 %.0f us\n", latency:percentile(50), latency:percentile(99)))
end
