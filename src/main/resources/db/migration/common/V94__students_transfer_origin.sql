-- 结业 is leaving in a school year, as 毕业 is: a student who left with 结业 keeps that year in
-- graduation_year, so that they stay among the final-year students of the year (the internship rate).
-- Rows left before this migration take the year of their 结业 (July belongs to the school year that
-- ends then; a change from September on to the next one).
UPDATE student SET graduation_year = (
    SELECT MAX(EXTRACT(YEAR FROM c.changed_on) + CASE WHEN EXTRACT(MONTH FROM c.changed_on) >= 9 THEN 1 ELSE 0 END)
    FROM student_status_change c WHERE c.student_id = student.id AND c.kind = 'COMPLETE')
WHERE status = 'COMPLETED' AND graduation_year IS NULL;

-- A transfer inside the installation gives the receiving school a record of its own; every record
-- of the same person made by transfers names the first one, so that what the student did at an
-- earlier school (a passed post internship) counts at the graduation check of a later one. No
-- foreign key, as for the history's columns (V87): the import writes student rows at COPY's pace.
ALTER TABLE student ADD COLUMN transfer_origin_id BIGINT;
