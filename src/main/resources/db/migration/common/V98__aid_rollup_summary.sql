-- The bureau's aid roll-up (aid.RollUp) from a summary kept per school, term and kind, as the
-- indicators' summaries (V50) are: the recipients (students whose net amount of the kind in the
-- term is above zero) and the net yuan. Kept exact by the summaries' change log (the triggers of
-- postgresql/V99 and h2/V99 log the school of every counted ledger write in the writing
-- transaction) and recomputed school by school before it is read (indicators.Summaries); verified
-- with the other summaries. Before, every roll-up grouped the ledger of its scope by student (142 ms
-- for one school of 1,000,000 students and 100,000 payments, docs/benchmarks.md "The aid lists").
CREATE TABLE summary_aid (
    school_id  BIGINT         NOT NULL,
    term       VARCHAR(11)    NOT NULL,
    kind       VARCHAR(6)     NOT NULL,
    recipients BIGINT         NOT NULL,
    yuan       NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (school_id, term, kind)
);

-- An installation upgraded to this version has a ledger and no summary: its schools are logged,
-- so the first refresh builds it.
INSERT INTO summary_change (school_id) SELECT DISTINCT school_id FROM aid_disbursement;
