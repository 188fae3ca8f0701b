-- A name search of three characters or more (issue 17, docs/benchmarks.md "Contains searches by
-- name"). The text ILIKE '%q%' was read through a trigram index of every name: all the matches
-- fetched and sorted before a page of them, so that a common name cost its matches (477 students at
-- 1,000,000). Now it is two steps (TextSearch.nameContains):
--   1. the names containing the text are listed: lower(q) itself, and those of the names below that
--      contain it, which are the only others that can: ILIKE compares lower cases, and a name of
--      at most three characters that equals its own lower case contains a text of three characters
--      or more only by being lower(q);
--   2. the list reads its name index in byte order for those names, and the page stops after its
--      rows.
-- So the trigram index holds only the "rare" names: longer than three characters or with a capital
-- letter (few among Chinese names), which also spares the import its upkeep for every other name.
-- The placements too: a text that no unit's name contains finds the students' names only, listed by
-- name; one that a unit's contains finds both, newest first, the students' through the same names.
DROP INDEX student_name_trgm_ix;
CREATE INDEX student_name_rare_trgm_ix ON student USING gin (name gin_trgm_ops)
    WHERE char_length(name) > 3 OR name <> lower(name);

DROP INDEX certificate_holder_name_trgm_ix;
CREATE INDEX certificate_holder_name_rare_trgm_ix ON certificate USING gin (holder_name gin_trgm_ops)
    WHERE char_length(holder_name) > 3 OR holder_name <> lower(holder_name);

DROP INDEX hardship_student_name_trgm_ix;
CREATE INDEX hardship_student_name_rare_trgm_ix ON hardship_recognition USING gin (student_name gin_trgm_ops)
    WHERE char_length(student_name) > 3 OR student_name <> lower(student_name);

DROP INDEX aid_disbursement_student_name_trgm_ix;
CREATE INDEX aid_disbursement_student_name_rare_trgm_ix ON aid_disbursement USING gin (student_name gin_trgm_ops)
    WHERE char_length(student_name) > 3 OR student_name <> lower(student_name);

DROP INDEX internship_student_name_trgm_ix;
CREATE INDEX internship_student_name_rare_trgm_ix ON internship USING gin (student_name gin_trgm_ops)
    WHERE char_length(student_name) > 3 OR student_name <> lower(student_name);
