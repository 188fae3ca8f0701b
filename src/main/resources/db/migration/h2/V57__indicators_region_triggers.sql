-- As postgresql/V57: a school created or deleted, and a region whose path changes, are logged
-- (org.craftline.indicators.SummaryLogTrigger).
DROP TRIGGER school_summary_log;
CREATE TRIGGER school_summary_log AFTER INSERT, UPDATE, DELETE ON school
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
CREATE TRIGGER region_summary_log AFTER UPDATE ON region
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
