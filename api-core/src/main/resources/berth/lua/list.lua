-- Read every object of a resource (optionally one namespace) and the revision, at one instant.
-- KEYS: resource index, revision counter
-- ARGV: lexical range min, lexical range max, object key prefix
-- Returns { revision, json1, rev1, json2, rev2, ... }
local members = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2])
local out = { redis.call('GET', KEYS[2]) or '0' }
for _, m in ipairs(members) do
  local v = redis.call('HMGET', ARGV[3] .. m, 'o', 'r')
  if v[1] then
    out[#out + 1] = v[1]
    out[#out + 1] = v[2]
  end
end
return out
