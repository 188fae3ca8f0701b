-- Lists that grow with a school read a page by an index in the list's own order, so that LIMIT
-- stops the scan whatever the school's size (docs/benchmarks.md, "Lists at 10k/100k/1M").
-- The students list's filters: each filter index also carries the list's order (student_number),
-- replacing the index of the filter alone, which it still serves.
DROP INDEX student_school_class_ix;
CREATE INDEX student_school_class_ix ON student (school_id, class_id, student_number);
DROP INDEX student_school_year_ix;
CREATE INDEX student_school_year_ix ON student (school_id, entry_year, student_number);
DROP INDEX student_school_major_ix;
CREATE INDEX student_school_major_ix ON student (school_id, major_id, student_number);
DROP INDEX student_school_status_ix;
CREATE INDEX student_school_status_ix ON student (school_id, status, student_number);
-- The students page lists a school's classes for its filter, latest entry year first, at most a
-- few hundred (OrganisationApi.classChoices): the index gives them in that order.
DROP INDEX school_class_school_year_ix;
CREATE INDEX school_class_school_year_ix ON school_class (school_id, entry_year, name);
