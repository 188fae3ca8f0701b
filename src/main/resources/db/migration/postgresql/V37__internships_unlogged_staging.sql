-- The staging table of the internships import kind, as V10.
ALTER TABLE internship_import SET UNLOGGED;
