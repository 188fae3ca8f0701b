-- As postgresql/V99 (org.craftline.indicators.SummaryLogTrigger, which compares the same columns
-- on an update: SummaryLogTrigger.COUNTED).
CREATE TRIGGER aid_disbursement_summary_log AFTER INSERT, UPDATE, DELETE ON aid_disbursement
    FOR EACH ROW CALL 'org.craftline.indicators.SummaryLogTrigger';
