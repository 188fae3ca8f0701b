-- Staging table of the postings import kind (a school's postings for units without an account).
-- major_ids holds the wanted majors as ",id,id," (major_count of them), so the merge compares and
-- syncs them set-based.
CREATE TABLE posting_import (
    import_key     VARCHAR(40)   NOT NULL,
    school_id      BIGINT        NOT NULL,
    enterprise_id  BIGINT        NOT NULL,
    kind           VARCHAR(10)   NOT NULL,
    position       VARCHAR(100)  NOT NULL,
    major_ids      VARCHAR(500)  NOT NULL,
    major_count    INT           NOT NULL,
    min_skill_rank INT,
    headcount      INT           NOT NULL,
    pay_from       NUMERIC(9, 2),
    pay_to         NUMERIC(9, 2),
    town           VARCHAR(50),
    starts_on      DATE,
    deadline       DATE          NOT NULL,
    description    VARCHAR(2000),
    import_row     INTEGER
);
CREATE INDEX posting_import_key_ix ON posting_import (import_key, school_id, enterprise_id);
