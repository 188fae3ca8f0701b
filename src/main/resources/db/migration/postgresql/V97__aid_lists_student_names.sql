-- The student's name kept on the hardship recognition and on the ledger entry, as V70 keeps it on
-- the certificate and the placement, so that a name search reads the list's own table by its own
-- indexes (issue 17, docs/benchmarks.md "The aid lists"): reached through the students, a surname
-- search walked the school's recognitions or payments in the list's order until it had its page, or
-- all of them when none matched (281 and 584 ms at 1,000,000 students and 100,000 rows of each).
-- On the row, a name prefix is a range of the name's index in byte order, read in that order, and
-- the page stops after its rows. The copies are kept exactly by the triggers below: set from the
-- student on every insert and on every change of the student (or of the copy itself), rewritten
-- when the student is renamed. H2 searches the joined name and needs none of this.

ALTER TABLE hardship_recognition ADD COLUMN student_name VARCHAR(50);
UPDATE hardship_recognition h SET student_name = (SELECT s.name FROM student s WHERE s.id = h.student_id);
ALTER TABLE hardship_recognition ALTER COLUMN student_name SET NOT NULL;

ALTER TABLE aid_disbursement ADD COLUMN student_name VARCHAR(50);
UPDATE aid_disbursement d SET student_name = (SELECT s.name FROM student s WHERE s.id = d.student_id);
ALTER TABLE aid_disbursement ALTER COLUMN student_name SET NOT NULL;

-- one function for both tables: each has student_id and student_name
CREATE FUNCTION aid_student_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.student_name := (SELECT s.name FROM student s WHERE s.id = NEW.student_id);
    RETURN NEW;
END $$;
CREATE TRIGGER hardship_student_name BEFORE INSERT OR UPDATE OF student_id, student_name
    ON hardship_recognition FOR EACH ROW EXECUTE FUNCTION aid_student_name();
CREATE TRIGGER aid_disbursement_student_name BEFORE INSERT OR UPDATE OF student_id, student_name
    ON aid_disbursement FOR EACH ROW EXECUTE FUNCTION aid_student_name();

-- a rename rewrites every copy of the name (the BEFORE triggers read the new name back)
CREATE OR REPLACE FUNCTION student_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE certificate SET holder_name = NEW.name WHERE student_id = NEW.id;
    UPDATE internship SET student_name = NEW.name WHERE student_id = NEW.id;
    UPDATE hardship_recognition SET student_name = NEW.name WHERE student_id = NEW.id;
    UPDATE aid_disbursement SET student_name = NEW.name WHERE student_id = NEW.id;
    RETURN NULL;
END $$;

-- a rename's lookups read hardship_student_year_uk and aid_disbursement_student_ix (V91)

-- names containing a text of three characters or more; a shorter text read in byte order, by school
CREATE INDEX hardship_student_name_trgm_ix ON hardship_recognition USING gin (student_name gin_trgm_ops);
CREATE INDEX hardship_student_name_order_ix ON hardship_recognition ((student_name COLLATE "C"), school_id, id);
CREATE INDEX aid_disbursement_student_name_trgm_ix ON aid_disbursement USING gin (student_name gin_trgm_ops);
CREATE INDEX aid_disbursement_student_name_order_ix ON aid_disbursement ((student_name COLLATE "C"), school_id, id);
