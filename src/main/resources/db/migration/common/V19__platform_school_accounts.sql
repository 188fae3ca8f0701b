-- Accounts a school administrator creates (teachers, graduates, enterprises) and reset passwords
-- must be changed at the first sign-in. An enterprise account is bound to its registry unit and
-- remembers the school that manages it (school_id; an enterprise user's scope never comes from it).
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX app_user_student_ix ON app_user (student_id);
