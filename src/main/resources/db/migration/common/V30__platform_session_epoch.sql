-- Rights withdrawn end at once: disabling a user, changing its role or binding and resetting or
-- changing its password raise its session epoch. A page session remembers the epoch it signed in
-- with and ends on its next request when the user's row holds another (one primary-key lookup).
ALTER TABLE app_user ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
