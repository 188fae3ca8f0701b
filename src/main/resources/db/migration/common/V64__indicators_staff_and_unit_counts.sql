-- Two more figures of a province in one row: the full-time teachers and those dual-qualified
-- (dual_qualified_teacher_share; 25,000 staff rows at the benchmark's province) join the school
-- totals, and each region's count of units employing its graduates (the rows of its
-- summary_region_employer, 50,000 at the province) is kept beside them.
ALTER TABLE summary_school ADD COLUMN teachers BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE summary_school ADD COLUMN dual_qualified BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE summary_region_totals ADD COLUMN teachers BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE summary_region_totals ADD COLUMN dual_qualified BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE summary_region_units (
    region_path VARCHAR(200) NOT NULL PRIMARY KEY,
    employers   BIGINT       NOT NULL
);

UPDATE summary_school SET
    teachers = (SELECT COUNT(*) FROM staff t WHERE t.school_id = summary_school.school_id AND t.full_time = TRUE),
    dual_qualified = (SELECT COUNT(*) FROM staff t WHERE t.school_id = summary_school.school_id
                        AND t.full_time = TRUE AND t.dual_qualified = TRUE);
UPDATE summary_region_totals SET
    teachers = (SELECT COALESCE(SUM(x.teachers), 0) FROM summary_region_school rs
                JOIN summary_school x ON x.school_id = rs.school_id
                WHERE rs.region_path = summary_region_totals.region_path),
    dual_qualified = (SELECT COALESCE(SUM(x.dual_qualified), 0) FROM summary_region_school rs
                      JOIN summary_school x ON x.school_id = rs.school_id
                      WHERE rs.region_path = summary_region_totals.region_path);
INSERT INTO summary_region_units (region_path, employers)
SELECT region_path, COUNT(*) FROM summary_region_employer GROUP BY region_path;
