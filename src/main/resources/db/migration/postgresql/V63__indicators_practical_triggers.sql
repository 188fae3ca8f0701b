-- The practical-training counts (summary_practical, V62) are logged like the counted tables of V51:
-- a requirement or a session written, an item moved to another course, a course to another major.
CREATE TRIGGER practical_requirement_summary_ins AFTER INSERT ON practical_requirement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER practical_requirement_summary_upd AFTER UPDATE ON practical_requirement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER practical_requirement_summary_del AFTER DELETE ON practical_requirement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER training_session_summary_ins AFTER INSERT ON training_session
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER training_session_summary_upd AFTER UPDATE ON training_session
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER training_session_summary_del AFTER DELETE ON training_session
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER practical_item_summary_upd AFTER UPDATE ON practical_item
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER course_summary_upd AFTER UPDATE ON course
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
