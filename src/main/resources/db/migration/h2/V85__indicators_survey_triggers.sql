-- As postgresql/V85 (org.craftline.indicators.SummaryLogTrigger, which compares the same columns
-- on an update: SummaryLogTrigger.COUNTED).
CREATE TRIGGER follow_up_round_summary_log AFTER INSERT, UPDATE, DELETE ON follow_up_round
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER follow_up_request_summary_log AFTER INSERT, UPDATE, DELETE ON follow_up_request
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER employer_survey_summary_log AFTER INSERT, UPDATE, DELETE ON employer_survey
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER employer_rating_summary_log AFTER INSERT, UPDATE, DELETE ON employer_rating
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
