-- The placements list filtered by status, newest first (starts_on DESC, id DESC): the index of the
-- filter now carries the whole order, so that the page stops after its rows instead of sorting
-- each start date's placements (docs/benchmarks.md, "Lists"). It still serves what it served.
DROP INDEX internship_school_status_ix;
CREATE INDEX internship_school_status_ix ON internship (school_id, status, starts_on, id);
