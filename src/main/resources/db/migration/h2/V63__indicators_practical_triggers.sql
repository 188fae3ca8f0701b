-- As postgresql/V63: the practical-training counts are logged (org.craftline.indicators.SummaryLogTrigger).
CREATE TRIGGER practical_requirement_summary_log AFTER INSERT, UPDATE, DELETE ON practical_requirement
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER training_session_summary_log AFTER INSERT, UPDATE, DELETE ON training_session
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER practical_item_summary_log AFTER UPDATE ON practical_item
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER course_summary_log AFTER UPDATE ON course
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
