-- A linearizable read (ReadIndex) of one of 1,000 keys, as GET /client/read/KEY.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/client/read/k" .. (counter % 1000))
end
