-- wrk: read-modify-write of one pod per connection: GET it, then PUT it back with the resourceVersion just
-- read and a changed label (a real update, compare-and-set). Run with as many threads as connections
-- (-tN -cN): each thread's state belongs to its one connection. Every 409 would mean a lost race; none is
-- expected since no two connections share a pod.
-- Usage: wrk -t16 -c16 -s update.lua http://HOST:PORT/api/v1/namespaces/NS/pods
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("name", string.format("u%x-%d", os.time(), threads))
end

local step = "create"
local version = nil
local round = 0

local function pod(rv)
  local meta = '"name":"' .. name .. '","labels":{"app":"bench","round":"r' .. round .. '"}'
  if rv then meta = meta .. ',"resourceVersion":"' .. rv .. '"' end
  return '{"apiVersion":"v1","kind":"Pod","metadata":{' .. meta .. '},"spec":{"containers":[{"name":"c",'
    .. '"image":"busybox","command":["sleep","3600"],"ports":[{"containerPort":80}]}]}}'
end

function request()
  local headers = {["Content-Type"] = "application/json"}
  if step == "create" then
    return wrk.format("POST", wrk.path, headers, pod(nil))
  elseif step == "get" then
    return wrk.format("GET", wrk.path .. "/" .. name)
  else
    round = round + 1
    return wrk.format("PUT", wrk.path .. "/" .. name, headers, pod(version))
  end
end

function response(status, headers, body)
  if step == "get" then
    version = string.match(body, '"resourceVersion":"(%d+)"')
    step = "put"
  else
    step = "get"
  end
end
