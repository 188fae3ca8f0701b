-- Finer statistics of the names a surname search reads as a range (issue 17, docs/benchmarks.md
-- "Contains searches by name"). Beyond the count cap a list's total is "about N", which for a name
-- search rests on the planner's estimate of the name's rows; with the default histogram (100
-- buckets, each a hundredth of the rows) a surname held by 1.7% of a million generated students was
-- estimated at 13,300 or 19,800 for 16,667, by the luck of ANALYZE's sample (-20% / +19%; the
-- eligibility list showed "about 19,651" for 13,333). With 1,000 buckets: 16,376-17,035 in ten
-- ANALYZEs (within 2.2%); ANALYZE samples 300,000 rows of the table instead of 30,000.
ALTER TABLE student ALTER COLUMN name SET STATISTICS 1000;
ALTER TABLE certificate ALTER COLUMN holder_name SET STATISTICS 1000;
ALTER TABLE internship ALTER COLUMN student_name SET STATISTICS 1000;
ALTER TABLE hardship_recognition ALTER COLUMN student_name SET STATISTICS 1000;
ALTER TABLE aid_disbursement ALTER COLUMN student_name SET STATISTICS 1000;
