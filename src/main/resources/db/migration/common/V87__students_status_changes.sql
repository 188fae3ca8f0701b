-- 学籍异动 under the provincial rules (河南省中等职业学校学生学籍管理办法): the statuses gain 结业
-- (COMPLETED: left without meeting the graduation conditions), 肄业 (INCOMPLETE: a certificate for
-- one who studied at least a year) and 注销 (CANCELLED); each change of the history names its kind,
-- the document the rules require, what it moved the student to (major, class, entry year) and, for a
-- transfer, the other school (an installed one, or the name of one outside).
ALTER TABLE student DROP CONSTRAINT student_status_ck;
ALTER TABLE student ADD CONSTRAINT student_status_ck CHECK (status IN
    ('ENROLLED', 'SUSPENDED', 'TRANSFERRED', 'WITHDRAWN', 'COMPLETED', 'INCOMPLETE', 'GRADUATED', 'CANCELLED'));

-- NULL kind: written by an import, which states a status rather than a change.
-- The columns naming major, class and schools carry no foreign key: only the status-change service
-- writes them, after checking them, while every imported student writes a history row, where a
-- foreign key would add a trigger call per row (issue 17, the import's cost against COPY).
ALTER TABLE student_status_change ADD COLUMN kind VARCHAR(16);
ALTER TABLE student_status_change ADD COLUMN document VARCHAR(100);
ALTER TABLE student_status_change ADD COLUMN major_id BIGINT;
ALTER TABLE student_status_change ADD COLUMN class_id BIGINT;
ALTER TABLE student_status_change ADD COLUMN entry_year INT;
ALTER TABLE student_status_change ADD COLUMN other_school_id BIGINT;
ALTER TABLE student_status_change ADD COLUMN other_school_name VARCHAR(100);

-- the kinds of the changes recorded before: the first row of a student is the enrolment
UPDATE student_status_change SET kind = CASE status
    WHEN 'SUSPENDED' THEN 'SUSPEND'
    WHEN 'TRANSFERRED' THEN 'TRANSFER_OUT'
    WHEN 'WITHDRAWN' THEN 'WITHDRAW'
    WHEN 'GRADUATED' THEN 'GRADUATE'
    ELSE CASE WHEN EXISTS (SELECT 1 FROM student_status_change p
                           WHERE p.student_id = student_status_change.student_id AND p.id < student_status_change.id)
              THEN 'RESUME' ELSE 'ENROL' END
    END
WHERE reason IS NULL OR reason <> 'import';
