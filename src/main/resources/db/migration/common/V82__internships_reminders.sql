-- The reminders already sent for a placement (gone with it): a weekly log due (on Friday) or overdue (the week after),
-- keyed by the week's Monday; insurance or the agreement ending within 30 days before the placement ends, keyed by the
-- day it ends. The daily run sends what is not here yet and adds it in the same transaction, so a run repeated, or run
-- by two instances at once, sends each reminder once.
CREATE TABLE internship_reminder (
    internship_id BIGINT      NOT NULL REFERENCES internship (id) ON DELETE CASCADE,
    kind          VARCHAR(20) NOT NULL,
    due_on        DATE        NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT internship_reminder_pk PRIMARY KEY (internship_id, kind, due_on),
    CONSTRAINT internship_reminder_kind_ck CHECK (kind IN ('LOG_DUE', 'LOG_OVERDUE', 'INSURANCE_ENDING', 'AGREEMENT_ENDING'))
);
