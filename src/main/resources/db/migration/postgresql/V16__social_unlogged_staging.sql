-- The staging table of the trainees import kind, as V10.
ALTER TABLE trainee_import SET UNLOGGED;
