-- Staging tables hold one import run's rows for the length of its transaction: they need no
-- write-ahead log (after a crash an unfinished import is simply gone). PostgreSQL only; H2 has no
-- such table option.
ALTER TABLE student_import SET UNLOGGED;
ALTER TABLE enterprise_import SET UNLOGGED;
ALTER TABLE destination_import SET UNLOGGED;
ALTER TABLE cooperation_import SET UNLOGGED;
