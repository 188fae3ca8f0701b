-- The students import's optional 入学日期: the day an enrolled student's enrolment row is dated.
ALTER TABLE student_import ADD COLUMN enrolled_on DATE;
