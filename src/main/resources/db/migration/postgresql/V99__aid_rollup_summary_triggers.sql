-- The ledger's writes logged for the summaries (common/V98), like the counted tables of V51 and
-- V85: the schools of the changed rows, per statement. An update logs only when a column the
-- summary reads changed: the reversed flag a reversal sets, and the student's name the rename
-- trigger of V97 rewrites, change no figure and cost no refresh.

CREATE FUNCTION summary_log_aid_disbursement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.student_id, n.term, n.kind, n.amount) IS DISTINCT FROM (o.school_id, o.student_id, o.term, o.kind, o.amount)
    UNION
    SELECT o.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.student_id, n.term, n.kind, n.amount) IS DISTINCT FROM (o.school_id, o.student_id, o.term, o.kind, o.amount);
    RETURN NULL;
END $$;
CREATE TRIGGER aid_disbursement_summary_ins AFTER INSERT ON aid_disbursement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER aid_disbursement_summary_upd AFTER UPDATE ON aid_disbursement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_aid_disbursement();
CREATE TRIGGER aid_disbursement_summary_del AFTER DELETE ON aid_disbursement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
