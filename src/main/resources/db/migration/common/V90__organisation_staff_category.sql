-- What a member of staff does (issue 19), beside full_time (employed full-time by the school, or
-- part-time / from an enterprise): TEACHER 教师, ADMINISTRATIVE 行政人员, SUPPORT 教辅人员, WORKER 工勤人员.
-- A 专任教师 (full-time teacher) is category = 'TEACHER' AND full_time = TRUE; a 兼职教师 / 外聘教师 is a
-- TEACHER with full_time = FALSE. dual_qualified_teacher_share divides by 专任教师 only.
-- Until now every member of staff was taken for a teacher, so every existing row becomes one: the
-- full-time ones stay the 专任教师 they were counted as, and no figure moves at the upgrade (the
-- summaries need no refresh). The default keeps older writers, which name no category, as they were.
ALTER TABLE staff ADD COLUMN category VARCHAR(14) DEFAULT 'TEACHER' NOT NULL;
ALTER TABLE staff ADD CONSTRAINT staff_category_ck
    CHECK (category IN ('TEACHER', 'ADMINISTRATIVE', 'SUPPORT', 'WORKER'));
