CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE student (id bigint PRIMARY KEY, school_id bigint NOT NULL, student_number varchar(20) NOT NULL, name varchar(50) NOT NULL, UNIQUE (school_id, student_number));
CREATE TABLE staff (id bigint PRIMARY KEY, school_id bigint NOT NULL, staff_number varchar(20) NOT NULL, name varchar(50) NOT NULL);
CREATE TABLE trainee (id bigint PRIMARY KEY, school_id bigint NOT NULL, name varchar(50) NOT NULL);
CREATE TABLE enterprise (id bigint PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE certificate (id bigint PRIMARY KEY, school_id bigint NOT NULL, student_id bigint, staff_id bigint, trainee_id bigint, kind varchar(20) NOT NULL, issued_year int NOT NULL);
CREATE TABLE internship (id bigint PRIMARY KEY, school_id bigint NOT NULL, student_id bigint NOT NULL, enterprise_id bigint NOT NULL, status varchar(20) NOT NULL, starts_on date NOT NULL);
-- indexes as on main (V48, V49 and earlier)
CREATE INDEX student_name_trgm_ix ON student USING gin (name gin_trgm_ops);
CREATE INDEX student_name_order_ix ON student ((name COLLATE "C"), school_id, student_number);
CREATE INDEX certificate_school_issued_ix ON certificate (school_id, issued_year, id);
CREATE INDEX certificate_student_ix ON certificate (student_id, kind);
CREATE INDEX certificate_staff_ix ON certificate (staff_id, kind);
CREATE INDEX certificate_trainee_ix ON certificate (trainee_id, kind);
CREATE INDEX internship_school_start_ix ON internship (school_id, starts_on, id);
CREATE INDEX internship_school_status_ix ON internship (school_id, status, starts_on);
CREATE INDEX internship_enterprise_ix ON internship (enterprise_id, status);
CREATE INDEX internship_student_ix ON internship (student_id, starts_on);
CREATE INDEX enterprise_name_ix ON enterprise (name);
