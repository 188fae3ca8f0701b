-- The students list's search on PostgreSQL (H2 reads the same conditions without these indexes).
-- A name search of three characters or more matches names containing the text (ILIKE '%q%'),
-- which pg_trgm's trigram index answers without reading the table; a shorter one matches names
-- starting with it (trigrams need three characters), in byte order, which the index below both
-- finds and orders, so that the page's LIMIT stops the scan at any school size. pg_trgm ships with
-- PostgreSQL's contrib modules (Debian's postgresql package) and is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX student_name_trgm_ix ON student USING gin (name gin_trgm_ops);

-- replaces (school_id, name), which no query reads by: the name search orders by these columns
DROP INDEX student_school_name_ix;
CREATE INDEX student_name_order_ix ON student ((name COLLATE "C"), school_id, student_number);
