-- The change log of the summaries (V50): after each statement that changes a counted table, the
-- schools of the changed rows (before and after the change) are logged in the same transaction.
-- Statement-level triggers with transition tables: one INSERT ... SELECT DISTINCT per statement,
-- whatever its number of rows (an import of a million students logs one row).

CREATE FUNCTION summary_log_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id) SELECT DISTINCT school_id FROM new_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION summary_log_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id) SELECT DISTINCT school_id FROM old_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION summary_log_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT school_id FROM new_rows UNION SELECT school_id FROM old_rows;
    RETURN NULL;
END $$;

-- a student's name, phone or class does not count: only the columns the summaries read
CREATE FUNCTION summary_log_student() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.status, n.graduation_year, n.entry_year, n.major_id)
          IS DISTINCT FROM (o.school_id, o.status, o.graduation_year, o.entry_year, o.major_id)
    UNION
    SELECT o.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.status, n.graduation_year, n.entry_year, n.major_id)
          IS DISTINCT FROM (o.school_id, o.status, o.graduation_year, o.entry_year, o.major_id);
    RETURN NULL;
END $$;

-- a school moved to another region: its employer sets move between the regions' sums
CREATE FUNCTION summary_log_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.region_id IS DISTINCT FROM o.region_id;
    RETURN NULL;
END $$;

CREATE TRIGGER student_summary_ins AFTER INSERT ON student
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER student_summary_upd AFTER UPDATE ON student
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_student();
CREATE TRIGGER student_summary_del AFTER DELETE ON student
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER destination_summary_ins AFTER INSERT ON destination
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER destination_summary_upd AFTER UPDATE ON destination
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER destination_summary_del AFTER DELETE ON destination
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER certificate_summary_ins AFTER INSERT ON certificate
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER certificate_summary_upd AFTER UPDATE ON certificate
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER certificate_summary_del AFTER DELETE ON certificate
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER internship_summary_ins AFTER INSERT ON internship
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER internship_summary_upd AFTER UPDATE ON internship
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER internship_summary_del AFTER DELETE ON internship
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER talent_setting_summary_ins AFTER INSERT ON talent_setting
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER talent_setting_summary_upd AFTER UPDATE ON talent_setting
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER talent_setting_summary_del AFTER DELETE ON talent_setting
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE TRIGGER school_summary_upd AFTER UPDATE ON school
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_school();
