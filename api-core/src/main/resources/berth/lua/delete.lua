-- Delete an object only if it is still at the revision the deleter read; the event keeps its last state.
-- KEYS: object hash, resource index, revision counter, event stream
-- ARGV: expected revision, index member, event key, history length
-- Returns the deletion's revision, -1 if the object is gone, -2 if another writer won.
local cur = redis.call('HMGET', KEYS[1], 'o', 'r')
if not cur[2] then
  return -1
end
if cur[2] ~= ARGV[1] then
  return -2
end
local rev = redis.call('INCR', KEYS[3])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], rev .. '-0', 't', 'DELETED', 'k', ARGV[3], 'o', cur[1])
return rev
