-- The enterprises import takes the unit's staff count (optional: an empty cell keeps the count recorded),
-- and the staging table of the internships import kind (placements; the rules are checked per row
-- before a row is staged).
ALTER TABLE enterprise_import ADD COLUMN staff_count INTEGER;

CREATE TABLE internship_import (
    import_key        VARCHAR(40)   NOT NULL,
    school_id         BIGINT        NOT NULL,
    student_id        BIGINT        NOT NULL,
    enterprise_id     BIGINT        NOT NULL,
    kind              VARCHAR(12)   NOT NULL,
    post              VARCHAR(100)  NOT NULL,
    post_headcount    INTEGER       NOT NULL,
    matched           BOOLEAN       NOT NULL,
    starts_on         DATE          NOT NULL,
    ends_on           DATE          NOT NULL,
    supervisor_id     BIGINT        NOT NULL,
    mentor_name       VARCHAR(50)   NOT NULL,
    mentor_phone      VARCHAR(11)   NOT NULL,
    hours_per_day     NUMERIC(3, 1) NOT NULL,
    days_per_week     SMALLINT      NOT NULL,
    night_shifts      BOOLEAN       NOT NULL,
    overtime          BOOLEAN       NOT NULL,
    public_holidays   BOOLEAN       NOT NULL,
    monthly_pay       NUMERIC(9, 2) NOT NULL,
    post_wage         NUMERIC(9, 2) NOT NULL,
    insurer           VARCHAR(100)  NOT NULL,
    policy_number     VARCHAR(60)   NOT NULL,
    insured_from      DATE          NOT NULL,
    insured_to        DATE          NOT NULL,
    agreement_ends_on DATE,
    minor             BOOLEAN       NOT NULL,
    guardian_name     VARCHAR(50),
    accepted_warnings VARCHAR(100),
    acceptance_reason VARCHAR(500),
    import_row        INTEGER
);
CREATE INDEX internship_import_key_ix ON internship_import (import_key, student_id);
