-- Staff counted by summary_school (V64) are logged like the counted tables of V51.
CREATE TRIGGER staff_summary_ins AFTER INSERT ON staff
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER staff_summary_upd AFTER UPDATE ON staff
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER staff_summary_del AFTER DELETE ON staff
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
