-- The search boxes of the growing lists other than students' (shared.TextSearch; V48 did the
-- students list). H2 reads the same conditions with LIKE and needs none of these.
-- A text of three characters or more is found inside names (ILIKE '%q%'): a trigram index answers
-- it without reading the table. A shorter text, or a number, is found at the start of the column,
-- as a range in byte order (COLLATE "C"), which an index on the column in that collation reads.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- a certificate's or a placement's student, by number (student.name is indexed by V48)
CREATE INDEX student_number_bytes_ix ON student ((student_number COLLATE "C"));

-- a certificate's staff holder
CREATE INDEX staff_name_trgm_ix ON staff USING gin (name gin_trgm_ops);
CREATE INDEX staff_name_bytes_ix ON staff ((name COLLATE "C"));
CREATE INDEX staff_number_bytes_ix ON staff ((staff_number COLLATE "C"));

-- trainees, and a certificate's trainee holder
CREATE INDEX trainee_name_trgm_ix ON trainee USING gin (name gin_trgm_ops);
CREATE INDEX trainee_name_bytes_ix ON trainee ((name COLLATE "C"));

-- enterprises, and the unit of a placement or a posting
CREATE INDEX enterprise_name_trgm_ix ON enterprise USING gin (name gin_trgm_ops);
CREATE INDEX enterprise_name_bytes_ix ON enterprise ((name COLLATE "C"));
CREATE INDEX enterprise_credit_code_bytes_ix ON enterprise ((credit_code COLLATE "C"));

-- postings and the job board
CREATE INDEX posting_position_trgm_ix ON posting USING gin (position gin_trgm_ops);
CREATE INDEX posting_position_bytes_ix ON posting ((position COLLATE "C"));

-- programmes
CREATE INDEX programme_name_trgm_ix ON programme USING gin (name gin_trgm_ops);
CREATE INDEX programme_occupation_trgm_ix ON programme USING gin (occupation gin_trgm_ops);
CREATE INDEX programme_name_bytes_ix ON programme ((name COLLATE "C"));
CREATE INDEX programme_occupation_bytes_ix ON programme ((occupation COLLATE "C"));
