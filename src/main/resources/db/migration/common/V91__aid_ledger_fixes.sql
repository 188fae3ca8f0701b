-- The ledger's checks sum a student's entries of a term and kind (the grant's ceiling, the one waiver a
-- term, a decision never below what was paid) under the decision's lock: an index keeps that short.
CREATE INDEX aid_disbursement_student_ix ON aid_disbursement (student_id, term, kind);
