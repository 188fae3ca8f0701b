-- 全日制: aid (免学费, 国家助学金) is for full-time students with formal status; FALSE is 非全日制.
ALTER TABLE student ADD COLUMN full_time BOOLEAN DEFAULT TRUE NOT NULL;
-- NULL in an import: the file has no such column or an empty cell, so the stored value stays.
ALTER TABLE student_import ADD COLUMN full_time BOOLEAN;

-- The student's major and entry year BEFORE the change, so that the student's state on any past day
-- can be read from the history (a past term's aid after a 转专业 or 留级). No foreign keys, as the
-- other columns of this table (V87). Rows written by imports, enrolment and graduation leave them NULL.
ALTER TABLE student_status_change ADD COLUMN from_major_id BIGINT;
ALTER TABLE student_status_change ADD COLUMN from_entry_year INT;

-- What the history recorded so far tells: every change since V87 wrote what it left the student with
-- (major_id, entry_year), so a change's "before" is the previous such row's "after"; a change that
-- moves neither is its own "before". A first 转专业 (or 留级, 复学 into a later class) has no earlier
-- row to tell and stays NULL.
UPDATE student_status_change SET
    from_major_id = CASE WHEN kind = 'CHANGE_MAJOR' THEN
        (SELECT p.major_id FROM student_status_change p
         WHERE p.student_id = student_status_change.student_id AND p.major_id IS NOT NULL
           AND (p.changed_on < student_status_change.changed_on
                OR p.changed_on = student_status_change.changed_on AND p.id < student_status_change.id)
         ORDER BY p.changed_on DESC, p.id DESC FETCH FIRST 1 ROW ONLY)
        ELSE major_id END,
    from_entry_year = CASE WHEN kind IN ('REPEAT_YEAR', 'RESUME') THEN
        (SELECT p.entry_year FROM student_status_change p
         WHERE p.student_id = student_status_change.student_id AND p.entry_year IS NOT NULL
           AND (p.changed_on < student_status_change.changed_on
                OR p.changed_on = student_status_change.changed_on AND p.id < student_status_change.id)
         ORDER BY p.changed_on DESC, p.id DESC FETCH FIRST 1 ROW ONLY)
        ELSE entry_year END
WHERE major_id IS NOT NULL;
