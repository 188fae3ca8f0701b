-- An import is recorded when it starts (RUNNING) and finished when it ends, so one that fails on an
-- unexpected error, a conflict or a killed server still leaves its trace; at start-up an import left
-- RUNNING by a stopped server becomes INTERRUPTED.
ALTER TABLE import_run DROP CONSTRAINT import_run_outcome_ck;
ALTER TABLE import_run ADD CONSTRAINT import_run_outcome_ck
    CHECK (outcome IN ('RUNNING', 'PREVIEWED', 'COMMITTED', 'REJECTED', 'FAILED', 'INTERRUPTED'));
CREATE INDEX import_run_outcome_ix ON import_run (outcome);
