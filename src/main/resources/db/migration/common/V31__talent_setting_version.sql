-- Optimistic locking of a school's talent setting (platform.EditVersions): a save made from an
-- older version is refused instead of replacing the designation someone saved since.
ALTER TABLE talent_setting ADD COLUMN version INT DEFAULT 0 NOT NULL;
