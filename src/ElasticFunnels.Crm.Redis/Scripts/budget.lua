-- The request budget of one access key, shared by every process: the same rules as the SDK's
-- in-process RequestBudget (ElasticFunnels.Crm/RateLimiting/RequestBudget.cs). One script, three
-- operations, so the rules are written once here. Times are microseconds of the Redis server's clock.
--
-- KEYS[1] the budget's state (hash), KEYS[2] its freed places (sorted set by time)
-- ARGV[1] operation: "acquire" | "release" | "report"
-- ARGV[2..9] policy: mode (0 adaptive, 1 fixed), fixed interval, initial backoff, max backoff (µs),
--            queue limit, increase per second (fraction), min increase per second, min rate
-- ARGV[10..] the operation's arguments (see below); ARGV[#ARGV] the idle expiry in milliseconds
local op = ARGV[1]
local mode = tonumber(ARGV[2])
local fixed_interval = tonumber(ARGV[3])
local initial_backoff = tonumber(ARGV[4])
local max_backoff = tonumber(ARGV[5])
local queue_limit = tonumber(ARGV[6])
local increase = tonumber(ARGV[7])
local min_increase = tonumber(ARGV[8])
local min_rate = tonumber(ARGV[9])
local expiry = tonumber(ARGV[#ARGV])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

-- rate < 0 stands for "unknown" (no limit seen yet)
local stored = redis.call('HMGET', KEYS[1], 'r', 'nf', 'pu', 'ep', 'es', 'ea', 'li', 'qr', 'q', 'la', 'c', 'pa', 'pd', 'pp')
local rate = tonumber(stored[1]) or -1
local next_free = tonumber(stored[2]) or 0
local paused_until = tonumber(stored[3]) or 0
local epoch = tonumber(stored[4]) or 0
local episode_start = tonumber(stored[5]) or -1
local episode_accepted = tonumber(stored[6]) or 0
local last_increase = tonumber(stored[7]) or 0
local quick_refusals = tonumber(stored[8]) or 0
local queued = tonumber(stored[9]) or 0
local last_active = tonumber(stored[10]) or 0
-- The rate last refused (0 before the first decrease from a known rate): see RequestBudget.Grow.
local ceiling = tonumber(stored[11]) or 0
-- The previous episode's accepted count and length (µs), for acceptances answered after its 429.
local previous_accepted = tonumber(stored[12]) or 0
local previous_length = tonumber(stored[13]) or 0
-- The first 429's pause (µs; 0 after later ones): the first ceiling is what got through, spread over it.
local previous_pause = tonumber(stored[14]) or 0
local recover_to, recovery_seconds, plateau_increase, probe_above = 0.97, 1.0, 0.005, 1.05
-- A stretch without requests or answers longer than this (µs) is idle: it is left out of the episode.
local idle_gap = 1000000

-- Lua numbers become text with 14 digits when passed to Redis: spell microseconds out in full.
local function int(x) return string.format('%.0f', x) end

local function interval()
  if mode == 1 then return fixed_interval end
  if rate < 0 then return 0 end
  return math.floor(1000000 / rate)
end

local function save()
  redis.call('HSET', KEYS[1], 'r', string.format('%.17g', rate), 'nf', int(next_free), 'pu', int(paused_until),
    'ep', int(epoch), 'es', int(episode_start), 'ea', int(episode_accepted), 'li', int(last_increase),
    'qr', int(quick_refusals), 'q', int(queued), 'la', int(last_active), 'c', string.format('%.17g', ceiling),
    'pa', int(previous_accepted), 'pd', int(previous_length), 'pp', int(previous_pause))
  redis.call('PEXPIRE', KEYS[1], expiry)
  redis.call('PEXPIRE', KEYS[2], expiry)
end

if episode_start < 0 then
  episode_start = now
  last_increase = now
  last_active = now
end

-- Additive increase between refusals (adaptive, once a rate is known, outside a pause).
if mode == 0 and rate >= 0 and now > last_increase and now >= paused_until then
  local seconds = (now - last_increase) / 1000000
  last_increase = now
  local target = ceiling * recover_to
  if rate < target then
    local recovered = target - (target - rate) * math.exp(-seconds / recovery_seconds)
    rate = math.min(target, math.max(recovered, rate + min_increase * seconds))
  else
    local step = increase
    if rate < ceiling * probe_above then step = plateau_increase end
    rate = rate + math.max(min_increase, rate * step) * seconds
  end
end

-- Silence (a start-up call, then minutes of nothing) says nothing about the limit: it moves the
-- episode's start on instead of diluting the rate estimate.
if op ~= 'release' then
  if now >= paused_until then
    local idle = now - math.max(last_active, episode_start)
    if idle > idle_gap then episode_start = episode_start + idle end
  end
  last_active = math.max(last_active, now)
end

if op == 'acquire' then
  -- ARGV[10] max wait, ARGV[11..14] previous lease: granted (0/1), wait, slot, epoch
  local max_wait = tonumber(ARGV[10])
  if tonumber(ARGV[11]) == 1 then
    if tonumber(ARGV[12]) > 0 then queued = queued - 1 end
    if tonumber(ARGV[14]) == epoch then
      save()
      return {1, 0, ARGV[13], int(epoch)}
    end
  end

  local earliest = math.max(now, paused_until)
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. int(earliest))
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  local reuse = #first > 0
  local slot
  if reuse then slot = tonumber(first[2]) else slot = math.max(earliest, next_free) end
  local wait = slot - now
  if wait > max_wait or (wait > 0 and queued >= queue_limit) then
    save()
    return {0, int(wait), int(slot), int(epoch)}
  end

  if reuse then redis.call('ZREM', KEYS[2], first[1]) else next_free = slot + interval() end
  if wait > 0 then queued = queued + 1 end
  save()
  return {1, int(wait), int(slot), int(epoch)}
end

if op == 'release' then
  -- ARGV[10..13] lease: granted, wait, slot, epoch
  if tonumber(ARGV[10]) == 1 then
    if tonumber(ARGV[11]) > 0 then queued = queued - 1 end
    local slot = tonumber(ARGV[12])
    if tonumber(ARGV[13]) == epoch then
      if slot + interval() == next_free then
        next_free = slot
      else
        redis.call('ZADD', KEYS[2], int(slot), int(slot))
      end
    end
  end
  save()
  return 1
end

if op == 'report' then
  -- ARGV[10] lease epoch, ARGV[11] refused (0/1), ARGV[12] Retry-After in µs or -1
  local lease_epoch = tonumber(ARGV[10])
  local retry_after = tonumber(ARGV[12])
  if tonumber(ARGV[11]) == 0 then
    if lease_epoch == epoch then
      episode_accepted = episode_accepted + 1
    elseif lease_epoch == epoch - 1 and mode == 0 and previous_length > 0 then
      -- Accepted before the 429 but answered after it: it counts towards the estimate the 429 made.
      previous_accepted = previous_accepted + 1
      local estimate = math.max(min_rate, previous_accepted / (previous_length / 1000000))
      if rate < 0 then rate = estimate else rate = math.max(rate, estimate) end
      if previous_pause > 0 then ceiling = math.max(ceiling, previous_accepted / (previous_pause / 1000000)) end
    end
    save()
    return 1
  end

  if lease_epoch ~= epoch or now < paused_until then
    -- A pause already covers this refusal (the request was in flight when it began).
    if retry_after >= 0 then paused_until = math.max(paused_until, now + retry_after) end
    save()
    return 1
  end

  local quick = epoch > 0 and episode_accepted == 0
  if quick then quick_refusals = quick_refusals + 1 else quick_refusals = 0 end
  local backoff = math.min(max_backoff, initial_backoff * math.pow(2, math.min(quick_refusals, 20)))
  if retry_after >= 0 then paused_until = now + retry_after else paused_until = now + backoff end

  if mode == 0 then
    -- The rate refused is the ceiling to climb back to; after the first 429 (an unpaced burst), what got
    -- through spread over the pause (see RequestBudget.Report).
    if rate >= 0 then
      ceiling = rate
      previous_pause = 0
    else
      previous_pause = paused_until - now
      if previous_pause > 0 then ceiling = episode_accepted / (previous_pause / 1000000) else ceiling = 0 end
    end
    -- One 429 costs at most half of a known rate (traffic this budget doesn't see lowers the estimate).
    local halved = 0
    if rate >= 0 then halved = rate / 2 end
    previous_accepted = episode_accepted
    previous_length = paused_until - episode_start
    if episode_accepted > 0 then
      rate = math.max(min_rate, halved, episode_accepted / (previous_length / 1000000))
    elseif rate >= 0 then
      rate = math.max(min_rate, rate / 2)
    end
  end

  epoch = epoch + 1
  episode_start = paused_until
  episode_accepted = 0
  last_increase = paused_until
  next_free = paused_until
  redis.call('DEL', KEYS[2])
  save()
  return 1
end

return redis.error_reply('unknown operation ' .. tostring(op))
