-- Optimistic locking of a graduate's publication consent: a consent change made on a stale view of
-- the masters list is refused instead of replacing the consent recorded since.
ALTER TABLE publication_consent ADD COLUMN version INT DEFAULT 0 NOT NULL;
