-- As postgresql/V65 (org.craftline.indicators.SummaryLogTrigger).
CREATE TRIGGER staff_summary_log AFTER INSERT, UPDATE, DELETE ON staff
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
