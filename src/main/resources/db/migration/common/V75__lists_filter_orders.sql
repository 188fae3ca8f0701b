-- The certificates list's filters, each followed by the list's order (newest year first, then id),
-- so that a filtered page reads the index from its first matching row and stops after the page,
-- wherever the matches lie in the order: with certificate_school_issued_ix alone a filter on the
-- status read 900,000 rows of a school of 1,000,000 certificates to find the 21 lapsed ones of its
-- oldest year (513 ms, bench/lists.sh).
CREATE INDEX certificate_school_status_ix ON certificate (school_id, status, issued_year, id);
CREATE INDEX certificate_school_kind_order_ix ON certificate (school_id, kind, issued_year, id);
CREATE INDEX certificate_school_grade_ix ON certificate (school_id, grade, issued_year, id);

-- the placements' kind filter (认识实习 / 岗位实习), in the list's order (newest start first, then id)
CREATE INDEX internship_school_kind_ix ON internship (school_id, kind, starts_on, id);
