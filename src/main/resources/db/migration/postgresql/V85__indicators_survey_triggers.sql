-- The follow-up requests and rounds, and the employer surveys and ratings, counted by the summaries
-- of V84, are logged like the counted tables of V51: the schools of the changed rows, per statement.
CREATE TRIGGER follow_up_round_summary_ins AFTER INSERT ON follow_up_round
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER follow_up_round_summary_upd AFTER UPDATE ON follow_up_round
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER follow_up_round_summary_del AFTER DELETE ON follow_up_round
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
CREATE TRIGGER follow_up_request_summary_ins AFTER INSERT ON follow_up_request
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER follow_up_request_summary_upd AFTER UPDATE ON follow_up_request
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER follow_up_request_summary_del AFTER DELETE ON follow_up_request
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
CREATE TRIGGER employer_survey_summary_ins AFTER INSERT ON employer_survey
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER employer_survey_summary_upd AFTER UPDATE ON employer_survey
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER employer_survey_summary_del AFTER DELETE ON employer_survey
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
CREATE TRIGGER employer_rating_summary_ins AFTER INSERT ON employer_rating
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_new();
CREATE TRIGGER employer_rating_summary_upd AFTER UPDATE ON employer_rating
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_both();
CREATE TRIGGER employer_rating_summary_del AFTER DELETE ON employer_rating
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_log_old();
