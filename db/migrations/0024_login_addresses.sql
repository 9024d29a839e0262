-- Addresses an account has signed in from (issue 13, defect 3). Once an account has collected
-- too many failed sign-ins in a day from anywhere, only addresses it has signed in from before
-- may keep trying, so that a stranger's guessing is limited to a few tries a day and cannot keep
-- the owner out. The key is a digest of the account and the address, never either in clear; kept
-- for 180 days after the last sign-in from there (the retention run deletes older ones).
CREATE TABLE login_addresses (
  key TEXT PRIMARY KEY,
  last_success_at TEXT NOT NULL
);
CREATE INDEX login_addresses_last ON login_addresses (last_success_at);
