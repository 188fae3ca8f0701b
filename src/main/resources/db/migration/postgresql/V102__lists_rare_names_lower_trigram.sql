-- The rare names' trigram indexes of V100 on lower(name), searched by lower(name) LIKE lower(q)
-- (issue 17, docs/benchmarks.md "Planning a contains search"). The search is the same: ILIKE is
-- PostgreSQL's lower(name) LIKE lower(q) in a multibyte database. What changes is its planning.
-- To estimate name ILIKE '%q%' the planner matched the pattern against every value of the name's
-- statistics, which V101 allows up to 1,000 common values and 1,001 histogram bounds: 0.78 ms of
-- planning for the search of a million generated names against 0.20 ms with the default statistics.
-- A list's search of a common name plans it three times (the page, the total's
-- estimate, its capped count), and PostgreSQL may plan it anew at every call. The planner takes no
-- statistics from an expression of a partial index, so lower(name) LIKE is estimated without them:
-- 0.085 ms. Only the search's first step reads these indexes (TextSearch.nameContains);
-- its estimate there only chooses between this index and a scan of the rare names.
DROP INDEX student_name_rare_trgm_ix;
CREATE INDEX student_name_rare_lower_trgm_ix ON student USING gin (lower(name) gin_trgm_ops)
    WHERE char_length(name) > 3 OR name <> lower(name);

DROP INDEX certificate_holder_name_rare_trgm_ix;
CREATE INDEX certificate_holder_name_rare_lower_trgm_ix ON certificate USING gin (lower(holder_name) gin_trgm_ops)
    WHERE char_length(holder_name) > 3 OR holder_name <> lower(holder_name);

DROP INDEX hardship_student_name_rare_trgm_ix;
CREATE INDEX hardship_student_name_rare_lower_trgm_ix ON hardship_recognition
    USING gin (lower(student_name) gin_trgm_ops)
    WHERE char_length(student_name) > 3 OR student_name <> lower(student_name);

DROP INDEX aid_disbursement_student_name_rare_trgm_ix;
CREATE INDEX aid_disbursement_student_name_rare_lower_trgm_ix ON aid_disbursement
    USING gin (lower(student_name) gin_trgm_ops)
    WHERE char_length(student_name) > 3 OR student_name <> lower(student_name);

DROP INDEX internship_student_name_rare_trgm_ix;
CREATE INDEX internship_student_name_rare_lower_trgm_ix ON internship USING gin (lower(student_name) gin_trgm_ops)
    WHERE char_length(student_name) > 3 OR student_name <> lower(student_name);
