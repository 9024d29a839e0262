-- The login throttle keeps its times to the millisecond ("...:05.250Z"), so that a block of a few
-- seconds lasts its length (issue 13): the whole-second times stored before are written in that
-- form, so that old and new compare as times.
UPDATE login_throttle SET last_failure_at = substr(last_failure_at, 1, 19) || '.000Z'
  WHERE length(last_failure_at) = 20;
UPDATE login_throttle SET blocked_until = substr(blocked_until, 1, 19) || '.000Z'
  WHERE length(blocked_until) = 20;
