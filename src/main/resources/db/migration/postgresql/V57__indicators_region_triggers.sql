-- A school created or deleted changes its summaries (its row in summary_school, its regions'
-- sums), and so does a region whose path changes (every school beneath it was summarised under
-- the old path): both are logged, as V51 logs the counted tables.
CREATE FUNCTION summary_log_school_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id) SELECT id FROM new_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION summary_log_school_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id) SELECT id FROM old_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION summary_log_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT DISTINCT rs.school_id FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN summary_region_school rs ON rs.region_path = o.path
    WHERE n.path IS DISTINCT FROM o.path;
    RETURN NULL;
END $$;

CREATE TRIGGER school_summary_ins AFTER INSERT ON school
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_school_new();
CREATE TRIGGER school_summary_del AFTER DELETE ON school
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_school_old();
CREATE TRIGGER region_summary_upd AFTER UPDATE ON region
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_region();
