-- wrk script: cycles valid, tampered and duplicated-name 99bill notifications (query strings
-- written by smoke.sh into LOAD_DIR) and counts reply bodies. wrk does not tie a reply to its
-- request, so the check is by totals: a valid notification is answered <result>1</result>, the two
-- others <result>0</result>; "wrong" = replies with any other body or status, or more result-1
-- replies than valid requests sent (a tampered one accepted), or more result-0 than invalid sent.
-- The >1 MiB body is checked by smoke.sh with curl: nginx closes the connection after its 413.
local dir = os.getenv("LOAD_DIR")
local function read(name)
  local f = assert(io.open(dir .. "/" .. name)); local s = f:read("*a"); f:close(); return s
end
local kinds = { "valid", "tampered", "duplicated" }
local reqs = {}
sent_valid, sent_bad, got1, got0, other, s5xx = 0, 0, 0, 0, 0, 0 -- globals: done() reads them
local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function init()
  for _, k in ipairs(kinds) do reqs[k] = wrk.format("GET", "/receive.php?" .. read(k .. ".query")) end
end

local i = 0
function request()
  i = i + 1
  local k = kinds[(i - 1) % #kinds + 1]
  if k == "valid" then sent_valid = sent_valid + 1 else sent_bad = sent_bad + 1 end
  return reqs[k]
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 end
  if status == 200 and body:find("<result>1</result>", 1, true) == 1 then got1 = got1 + 1
  elseif status == 200 and body:find("<result>0</result>", 1, true) == 1 then got0 = got0 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { sent_valid = 0, sent_bad = 0, got1 = 0, got0 = 0, other = 0, s5xx = 0 }
  for _, th in ipairs(threads) do
    for k in pairs(t) do t[k] = t[k] + th:get(k) end
  end
  local wrong = t.other + math.max(0, t.got1 - t.sent_valid) + math.max(0, t.got0 - t.sent_bad)
  io.write(string.format("checked %d wrong %d 5xx %d\n", t.got1 + t.got0 + t.other, wrong, t.s5xx))
  io.write(string.format("result1 %d of %d valid sent, result0 %d of %d invalid sent\n",
    t.got1, t.sent_valid, t.got0, t.sent_bad))
end
