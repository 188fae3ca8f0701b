-- 学籍号: the national student number the national registry (全国中等职业学校学生管理信息系统) gives
-- a registered student; empty until the new student is registered (autumn intake by 20 November,
-- spring by 20 April). For a student with a resident ID it is "G" followed by the ID number, so it is
-- personal data and shown masked as the ID number is.
ALTER TABLE student ADD COLUMN national_number VARCHAR(30);
ALTER TABLE student_import ADD COLUMN national_number VARCHAR(30);
