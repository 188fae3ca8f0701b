-- The follow-up rounds and requests, and the employer surveys and ratings, counted by the summaries
-- of V84, are logged like the counted tables of V51: the schools of the changed rows, per statement.
-- An update logs only when a column the summaries read changed (as summary_log_student does): a
-- reminder sent, an answer confirmed or a remark changes no figure and costs no refresh.

CREATE FUNCTION summary_log_follow_up_round() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.graduation_year, n.follow_up) IS DISTINCT FROM (o.school_id, o.graduation_year, o.follow_up)
    UNION
    SELECT o.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.graduation_year, n.follow_up) IS DISTINCT FROM (o.school_id, o.graduation_year, o.follow_up);
    RETURN NULL;
END $$;
CREATE TRIGGER follow_up_round_summary_ins AFTER INSERT ON follow_up_round
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER follow_up_round_summary_upd AFTER UPDATE ON follow_up_round
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_follow_up_round();
CREATE TRIGGER follow_up_round_summary_del AFTER DELETE ON follow_up_round
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE FUNCTION summary_log_follow_up_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.round_id, n.answered_at, n.satisfaction) IS DISTINCT FROM (o.school_id, o.round_id, o.answered_at, o.satisfaction)
    UNION
    SELECT o.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.round_id, n.answered_at, n.satisfaction) IS DISTINCT FROM (o.school_id, o.round_id, o.answered_at, o.satisfaction);
    RETURN NULL;
END $$;
CREATE TRIGGER follow_up_request_summary_ins AFTER INSERT ON follow_up_request
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER follow_up_request_summary_upd AFTER UPDATE ON follow_up_request
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_follow_up_request();
CREATE TRIGGER follow_up_request_summary_del AFTER DELETE ON follow_up_request
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE FUNCTION summary_log_employer_survey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.graduation_year) IS DISTINCT FROM (o.school_id, o.graduation_year)
    UNION
    SELECT o.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.graduation_year) IS DISTINCT FROM (o.school_id, o.graduation_year);
    RETURN NULL;
END $$;
CREATE TRIGGER employer_survey_summary_ins AFTER INSERT ON employer_survey
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER employer_survey_summary_upd AFTER UPDATE ON employer_survey
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_employer_survey();
CREATE TRIGGER employer_survey_summary_del AFTER DELETE ON employer_survey
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();

CREATE FUNCTION summary_log_employer_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_change (school_id)
    SELECT n.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.survey_id, n.answered_at, n.skills, n.attitude, n.hire_again) IS DISTINCT FROM (o.school_id, o.survey_id, o.answered_at, o.skills, o.attitude, o.hire_again)
    UNION
    SELECT o.school_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.school_id, n.survey_id, n.answered_at, n.skills, n.attitude, n.hire_again) IS DISTINCT FROM (o.school_id, o.survey_id, o.answered_at, o.skills, o.attitude, o.hire_again);
    RETURN NULL;
END $$;
CREATE TRIGGER employer_rating_summary_ins AFTER INSERT ON employer_rating
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER employer_rating_summary_upd AFTER UPDATE ON employer_rating
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_employer_rating();
CREATE TRIGGER employer_rating_summary_del AFTER DELETE ON employer_rating
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
