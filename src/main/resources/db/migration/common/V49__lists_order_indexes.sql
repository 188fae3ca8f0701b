-- Lists that grow with a school read a page by an index in the list's own order, so that LIMIT
-- stops the scan whatever the school's size (docs/benchmarks.md, "Lists at 10k/100k/1M"). Where an
-- index of the list's filter exists, it is replaced by one that also carries the order (it still
-- serves what it served), so that writes do not pay for one more index.

-- students: the list's filters, each followed by the list's order (student_number)
DROP INDEX student_school_class_ix;
CREATE INDEX student_school_class_ix ON student (school_id, class_id, student_number);
DROP INDEX student_school_year_ix;
CREATE INDEX student_school_year_ix ON student (school_id, entry_year, student_number);
DROP INDEX student_school_major_ix;
CREATE INDEX student_school_major_ix ON student (school_id, major_id, student_number);
DROP INDEX student_school_status_ix;
CREATE INDEX student_school_status_ix ON student (school_id, status, student_number);
-- the destinations grid: one cohort by student number
DROP INDEX student_school_graduation_ix;
CREATE INDEX student_school_graduation_ix ON student (school_id, graduation_year, student_number);

-- classes: the list (school, latest entry year first, name) and the students page's class choices
DROP INDEX school_class_school_year_ix;
CREATE INDEX school_class_school_year_ix ON school_class (school_id, entry_year DESC, name);

-- certificates, newest first
CREATE INDEX certificate_school_issued_ix ON certificate (school_id, issued_year, id);

-- the audit log, newest first, of a school or of everything
DROP INDEX audit_event_school_at_ix;
CREATE INDEX audit_event_school_at_ix ON audit_event (school_id, at, id);
DROP INDEX audit_event_at_ix;
CREATE INDEX audit_event_at_ix ON audit_event (at, id);

-- internship placements, latest start first; job applications, latest first
CREATE INDEX internship_school_start_ix ON internship (school_id, starts_on, id);
CREATE INDEX job_application_school_applied_ix ON job_application (school_id, applied_at, id);

-- trainees of social training by name
DROP INDEX trainee_school_name_ix;
CREATE INDEX trainee_school_name_ix ON trainee (school_id, name, id);
