-- Staging tables of the enterprises and destinations import kinds (rows of one import run).

CREATE TABLE enterprise_import (
    import_key  VARCHAR(40)  NOT NULL,
    credit_code VARCHAR(18)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    industry    VARCHAR(20)  NOT NULL,
    region_id   BIGINT       NOT NULL,
    town        VARCHAR(50),
    size_band   VARCHAR(10)  NOT NULL,
    contact     VARCHAR(100)
);
CREATE INDEX enterprise_import_key_ix ON enterprise_import (import_key, credit_code);

CREATE TABLE destination_import (
    import_key      VARCHAR(40)  NOT NULL,
    student_id      BIGINT       NOT NULL,
    school_id       BIGINT       NOT NULL,
    graduation_year INT          NOT NULL,
    follow_up       VARCHAR(14)  NOT NULL,
    follow_up_rank  INT          NOT NULL,
    recorded_on     DATE         NOT NULL,
    kind            VARCHAR(14)  NOT NULL,
    enterprise_id   BIGINT,
    employer_name   VARCHAR(200),
    position        VARCHAR(100),
    local_job       BOOLEAN      NOT NULL,
    matched         BOOLEAN      NOT NULL,
    matched_reason  VARCHAR(200)
);
CREATE INDEX destination_import_key_ix ON destination_import (import_key, student_id, follow_up);
