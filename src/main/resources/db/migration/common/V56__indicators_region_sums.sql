-- The per-region sums of the employer sets, again (taken out in V55), now kept so that they can
-- only ever equal the sums of the stored school sets: they are keyed by the region's path and
-- computed from each school's regions *as summarised* (summary_region_school), never from the
-- region table of the moment. The rows V55 found off were those of a test region deleted after its
-- school: the region sums were moved through the live region table, which no longer had the
-- region, so its sums and its ancestors' were never decreased.

-- Each school's region and every region containing it, by path, as last summarised.
CREATE TABLE summary_region_school (
    region_path VARCHAR(200) NOT NULL,
    school_id   BIGINT       NOT NULL,
    PRIMARY KEY (region_path, school_id)
);
CREATE INDEX summary_region_school_school_ix ON summary_region_school (school_id);

-- The registry units employing the graduates of a region's schools now, with how many: the union
-- of the schools' sets (summary_employer), so that a region's distinct count is its number of rows.
CREATE TABLE summary_region_employer (
    region_path   VARCHAR(200) NOT NULL,
    enterprise_id BIGINT       NOT NULL,
    graduates     BIGINT       NOT NULL,
    PRIMARY KEY (region_path, enterprise_id)
);

-- A school's employer set as it was before its refresh (one school at a time, under the refresh
-- lock): the units whose sums a refresh recomputes are those whose count changed.
CREATE TABLE summary_employer_before (
    enterprise_id BIGINT NOT NULL PRIMARY KEY,
    graduates     BIGINT NOT NULL
);

-- The units whose sums a refresh recomputes (filled and emptied within it).
CREATE TABLE summary_unit_change (
    enterprise_id BIGINT NOT NULL PRIMARY KEY
);

-- the units' schools, for recomputing a unit's sums across a region
CREATE INDEX summary_employer_unit_ix ON summary_employer (enterprise_id, school_id);

-- filled from the stored summaries, set-based (a school with writes still logged is refreshed
-- from these rows like any other)
INSERT INTO summary_region_school (region_path, school_id)
SELECT a.path, sc.id FROM school sc JOIN region r ON r.id = sc.region_id JOIN region a ON r.path LIKE a.path || '%';
INSERT INTO summary_region_employer (region_path, enterprise_id, graduates)
SELECT rs.region_path, g.enterprise_id, SUM(g.graduates)
FROM summary_region_school rs JOIN summary_employer g ON g.school_id = rs.school_id
GROUP BY rs.region_path, g.enterprise_id;
