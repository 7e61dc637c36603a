-- Create an object if its key is free, in one atomic step with its revision and its event.
-- KEYS: object hash, resource index, revision counter, event stream[, the namespace's hash, which must exist]
-- ARGV: index member, object JSON, event key, history length
if redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
if KEYS[5] and redis.call('EXISTS', KEYS[5]) == 0 then
  return -2
end
local rev = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], 'o', ARGV[2], 'r', rev)
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], rev .. '-0', 't', 'ADDED', 'k', ARGV[3], 'o', ARGV[2])
return rev
