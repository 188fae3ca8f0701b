-- The change log of the summaries (V50) on H2: the same tables as on PostgreSQL, with a row-level
-- Java trigger (H2 has no transition tables) that logs the school of each changed row
-- (org.craftline.indicators.SummaryLogTrigger).
CREATE TRIGGER student_summary_log AFTER INSERT, UPDATE, DELETE ON student
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER destination_summary_log AFTER INSERT, UPDATE, DELETE ON destination
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER certificate_summary_log AFTER INSERT, UPDATE, DELETE ON certificate
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER internship_summary_log AFTER INSERT, UPDATE, DELETE ON internship
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER talent_setting_summary_log AFTER INSERT, UPDATE, DELETE ON talent_setting
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER school_summary_log AFTER UPDATE ON school
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
