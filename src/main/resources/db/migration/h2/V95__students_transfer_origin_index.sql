-- The records of one person made by transfers (V94); H2 has no partial index.
CREATE INDEX student_transfer_origin_ix ON student (transfer_origin_id);
