-- Totals read on every regional answer, kept so that a province reads one row a school or region:
-- each school's graduates (graduates_total without the 70,000 cohort rows of a province), and each
-- region's count of distinct units employing its graduates (the rows of summary_region_employer).
ALTER TABLE summary_school ADD COLUMN graduates BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE summary_region (
    region_id BIGINT NOT NULL PRIMARY KEY,
    employers BIGINT NOT NULL
);

-- the next refresh fills both from the records, school by school
INSERT INTO summary_change (school_id) SELECT id FROM school;
