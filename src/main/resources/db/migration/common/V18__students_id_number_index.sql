-- One person has one student record at a time: the ID number is looked up on every save and import.
CREATE INDEX student_id_number_ix ON student (id_number);
CREATE INDEX student_import_id_number_ix ON student_import (import_key, id_number);
