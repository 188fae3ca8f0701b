-- The records of one person made by transfers (V94); partial, so that the million students who were
-- never transferred add nothing to it.
CREATE INDEX student_transfer_origin_ix ON student (transfer_origin_id) WHERE transfer_origin_id IS NOT NULL;
