-- Staging table of the cooperations import kind.
CREATE TABLE cooperation_import (
    import_key    VARCHAR(40)  NOT NULL,
    school_id     BIGINT       NOT NULL,
    enterprise_id BIGINT       NOT NULL,
    type          VARCHAR(20)  NOT NULL,
    starts_on     DATE         NOT NULL,
    ends_on       DATE,
    note          VARCHAR(500)
);
CREATE INDEX cooperation_import_key_ix ON cooperation_import (import_key, school_id, enterprise_id);
