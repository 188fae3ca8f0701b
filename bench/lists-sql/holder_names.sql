-- the names kept on the list's row, as migration V70 adds them (its triggers are left out: the
-- measurement writes nothing); run after new_indexes.sql
ALTER TABLE certificate ADD COLUMN holder_name varchar(50);
UPDATE certificate c SET holder_name = COALESCE((SELECT s.name FROM student s WHERE s.id = c.student_id), (SELECT t.name FROM staff t WHERE t.id = c.staff_id), (SELECT tr.name FROM trainee tr WHERE tr.id = c.trainee_id));
ALTER TABLE internship ADD COLUMN student_name varchar(50);
UPDATE internship i SET student_name = s.name FROM student s WHERE s.id = i.student_id;
CREATE INDEX certificate_holder_name_trgm_ix ON certificate USING gin (holder_name gin_trgm_ops);
CREATE INDEX certificate_holder_name_order_ix ON certificate ((holder_name COLLATE "C"), school_id, id);
CREATE INDEX internship_student_name_trgm_ix ON internship USING gin (student_name gin_trgm_ops);
CREATE INDEX internship_student_name_order_ix ON internship ((student_name COLLATE "C"), school_id, id);
VACUUM ANALYZE certificate; VACUUM ANALYZE internship;
