-- The staging table of the internships import kind, as V10 (a staging table is rebuilt from its file, never recovered).
ALTER TABLE internship_import SET UNLOGGED;
