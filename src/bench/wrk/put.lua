-- A SET of a fresh key per request, as POST /client/submit.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/client/submit", nil, '{"command": "SET k' .. (counter % 1000) .. ' v' .. counter .. '"}')
end
