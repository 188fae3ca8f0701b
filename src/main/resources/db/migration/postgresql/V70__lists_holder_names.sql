-- A certificate's holder name and a placement's student name kept on the list's own row, so that a
-- name search reads the list's table by its own indexes (issue 17, docs/benchmarks.md "Lists"):
-- reached through the holder's table, a search matching thousands of students read and sorted
-- thousands of certificates (a one-character surname: 0.6-1.1 s at 1,000,000 students); on the
-- row, a name prefix is read in name order and the page stops after its rows.
-- The copies are kept exactly by the triggers below: set from the holder on every insert and on
-- every change of the holder (or of the copy itself), and rewritten when the holder is renamed.
-- H2 searches the joined names and needs none of this (shared.TextSearch).

ALTER TABLE certificate ADD COLUMN holder_name VARCHAR(50);
UPDATE certificate c SET holder_name = COALESCE(
    (SELECT s.name FROM student s WHERE s.id = c.student_id),
    (SELECT t.name FROM staff t WHERE t.id = c.staff_id),
    (SELECT tr.name FROM trainee tr WHERE tr.id = c.trainee_id));
ALTER TABLE certificate ALTER COLUMN holder_name SET NOT NULL;

ALTER TABLE internship ADD COLUMN student_name VARCHAR(50);
UPDATE internship i SET student_name = (SELECT s.name FROM student s WHERE s.id = i.student_id);
ALTER TABLE internship ALTER COLUMN student_name SET NOT NULL;

CREATE FUNCTION certificate_holder_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.holder_name := COALESCE(
        (SELECT s.name FROM student s WHERE s.id = NEW.student_id),
        (SELECT t.name FROM staff t WHERE t.id = NEW.staff_id),
        (SELECT tr.name FROM trainee tr WHERE tr.id = NEW.trainee_id));
    RETURN NEW;
END $$;
CREATE TRIGGER certificate_holder_name BEFORE INSERT OR UPDATE OF student_id, staff_id, trainee_id, holder_name
    ON certificate FOR EACH ROW EXECUTE FUNCTION certificate_holder_name();

CREATE FUNCTION internship_student_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.student_name := (SELECT s.name FROM student s WHERE s.id = NEW.student_id);
    RETURN NEW;
END $$;
CREATE TRIGGER internship_student_name BEFORE INSERT OR UPDATE OF student_id, student_name
    ON internship FOR EACH ROW EXECUTE FUNCTION internship_student_name();

-- a rename rewrites the copies (the BEFORE triggers above read the new name back)
CREATE FUNCTION student_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE certificate SET holder_name = NEW.name WHERE student_id = NEW.id;
    UPDATE internship SET student_name = NEW.name WHERE student_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER student_renamed AFTER UPDATE OF name ON student
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION student_renamed();

CREATE FUNCTION staff_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE certificate SET holder_name = NEW.name WHERE staff_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER staff_renamed AFTER UPDATE OF name ON staff
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION staff_renamed();

CREATE FUNCTION trainee_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE certificate SET holder_name = NEW.name WHERE trainee_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER trainee_renamed AFTER UPDATE OF name ON trainee
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION trainee_renamed();

-- names containing a text of three characters or more; a shorter text read in byte order, by school
CREATE INDEX certificate_holder_name_trgm_ix ON certificate USING gin (holder_name gin_trgm_ops);
CREATE INDEX certificate_holder_name_order_ix ON certificate ((holder_name COLLATE "C"), school_id, id);
CREATE INDEX internship_student_name_trgm_ix ON internship USING gin (student_name gin_trgm_ops);
CREATE INDEX internship_student_name_order_ix ON internship ((student_name COLLATE "C"), school_id, id);
