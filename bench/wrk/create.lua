-- wrk: every request creates a pod with a new name (threads and runs never collide).
-- Usage: wrk -s create.lua http://HOST:PORT/api/v1/namespaces/NS/pods
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", string.format("w%x-%d", os.time(), threads))
end

local counter = 0
function request()
  counter = counter + 1
  local body = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"' .. prefix .. '-' .. counter
    .. '","labels":{"app":"bench"}},"spec":{"containers":[{"name":"c","image":"busybox",'
    .. '"command":["sleep","3600"],"ports":[{"containerPort":80}]}]}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
