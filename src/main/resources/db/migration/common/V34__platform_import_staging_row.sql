-- The file row a staged row came from: a row refused after it was staged (the first of a repeated
-- key, a cross-check problem) is taken out of the staging table again, so that the merge's counts
-- hold only rows that would be written and every row of a file is counted once.
ALTER TABLE student_import ADD COLUMN import_row INTEGER;
ALTER TABLE enterprise_import ADD COLUMN import_row INTEGER;
ALTER TABLE destination_import ADD COLUMN import_row INTEGER;
ALTER TABLE cooperation_import ADD COLUMN import_row INTEGER;
ALTER TABLE certificate_import ADD COLUMN import_row INTEGER;
ALTER TABLE training_session_import ADD COLUMN import_row INTEGER;
ALTER TABLE trainee_import ADD COLUMN import_row INTEGER;
ALTER TABLE honour_import ADD COLUMN import_row INTEGER;
ALTER TABLE expenditure_import ADD COLUMN import_row INTEGER;
