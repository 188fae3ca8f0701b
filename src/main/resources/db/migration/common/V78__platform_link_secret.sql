-- The installation's key for signed personal links (a graduate's follow-up link, say): one row,
-- written by the application with 32 random bytes the first time a link is signed.
CREATE TABLE link_secret (
    id     INT         NOT NULL PRIMARY KEY,
    secret VARCHAR(64) NOT NULL,
    CONSTRAINT link_secret_one_ck CHECK (id = 1)
);
