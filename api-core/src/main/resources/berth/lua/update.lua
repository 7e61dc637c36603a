-- Compare-and-set: replace an object only if it is still at the revision the writer read.
-- KEYS: object hash, revision counter, event stream
-- ARGV: expected revision, new object JSON, event key, history length
-- Returns the new revision, -1 if the object is gone, -2 if another writer won, -3 if the new JSON is the
-- stored one (nothing is written: an update that changes nothing keeps the revision).
local cur = redis.call('HMGET', KEYS[1], 'o', 'r')
if not cur[2] then
  return -1
end
if cur[2] ~= ARGV[1] then
  return -2
end
if cur[1] == ARGV[2] then
  return -3
end
local rev = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], 'o', ARGV[2], 'r', rev)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], rev .. '-0', 't', 'MODIFIED', 'k', ARGV[3], 'o', ARGV[2], 'p', cur[1])
return rev
