-- A province in a few rows (docs/indicators.md, "Summaries"): the practical-training counts are
-- summarised per school like the other counted records, and every summary is also kept summed per
-- region of every level, so that a whole region's figure reads its own row instead of its 500
-- schools' rows. Like the region sums of the employer sets (V56), the region rows are keyed by the
-- region's path and are fresh totals of the stored school rows of the schools summarised under it
-- (summary_region_school), recomputed for a school's regions when the school is refreshed.

-- Required practical items of a term by major, and those with at least one session held in the
-- term (practical_training_rate, the dashboard's practical chart).
CREATE TABLE summary_practical (
    school_id BIGINT      NOT NULL,
    term      VARCHAR(11) NOT NULL,
    major_id  BIGINT      NOT NULL,
    required  BIGINT      NOT NULL,
    held      BIGINT      NOT NULL,
    PRIMARY KEY (school_id, term, major_id)
);
CREATE INDEX summary_practical_term_ix ON summary_practical (term);

CREATE TABLE summary_region_cohort (
    region_path     VARCHAR(200) NOT NULL,
    graduation_year INT          NOT NULL,
    major_id        BIGINT       NOT NULL,
    graduates       BIGINT       NOT NULL,
    certified       BIGINT       NOT NULL,
    PRIMARY KEY (region_path, graduation_year, major_id)
);

CREATE TABLE summary_region_talent (
    region_path     VARCHAR(200) NOT NULL,
    graduation_year INT          NOT NULL,
    level           INT          NOT NULL,
    graduates       BIGINT       NOT NULL,
    PRIMARY KEY (region_path, graduation_year, level)
);

CREATE TABLE summary_region_destination (
    region_path     VARCHAR(200) NOT NULL,
    graduation_year INT          NOT NULL,
    follow_up       VARCHAR(14)  NOT NULL,
    placed          BIGINT       NOT NULL,
    employed        BIGINT       NOT NULL,
    matched         BIGINT       NOT NULL,
    local_jobs      BIGINT       NOT NULL,
    school_channel  BIGINT       NOT NULL,
    PRIMARY KEY (region_path, graduation_year, follow_up)
);

CREATE TABLE summary_region_totals (
    region_path           VARCHAR(200) NOT NULL PRIMARY KEY,
    enrolled              BIGINT       NOT NULL,
    graduates             BIGINT       NOT NULL,
    employed_unregistered BIGINT       NOT NULL
);

CREATE TABLE summary_region_final_year (
    region_path VARCHAR(200) NOT NULL,
    final_year  INT          NOT NULL,
    students    BIGINT       NOT NULL,
    interned    BIGINT       NOT NULL,
    PRIMARY KEY (region_path, final_year)
);

CREATE TABLE summary_region_practical (
    region_path VARCHAR(200) NOT NULL,
    term        VARCHAR(11)  NOT NULL,
    major_id    BIGINT       NOT NULL,
    required    BIGINT       NOT NULL,
    held        BIGINT       NOT NULL,
    PRIMARY KEY (region_path, term, major_id)
);

-- filled set-based: the practical counts from the records, the region rows from the stored
-- summaries (a school with writes still logged is refreshed from these rows like any other)
INSERT INTO summary_practical (school_id, term, major_id, required, held)
SELECT r.school_id, r.term, c.major_id, COUNT(*),
       COUNT(CASE WHEN EXISTS (SELECT 1 FROM training_session t WHERE t.item_id = r.item_id AND t.term = r.term)
                  THEN 1 END)
FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id JOIN course c ON c.id = i.course_id
GROUP BY r.school_id, r.term, c.major_id;

INSERT INTO summary_region_cohort (region_path, graduation_year, major_id, graduates, certified)
SELECT rs.region_path, x.graduation_year, x.major_id, SUM(x.graduates), SUM(x.certified)
FROM summary_region_school rs JOIN summary_cohort x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.graduation_year, x.major_id;

INSERT INTO summary_region_talent (region_path, graduation_year, level, graduates)
SELECT rs.region_path, x.graduation_year, x.level, SUM(x.graduates)
FROM summary_region_school rs JOIN summary_talent x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.graduation_year, x.level;

INSERT INTO summary_region_destination
    (region_path, graduation_year, follow_up, placed, employed, matched, local_jobs, school_channel)
SELECT rs.region_path, x.graduation_year, x.follow_up, SUM(x.placed), SUM(x.employed), SUM(x.matched),
       SUM(x.local_jobs), SUM(x.school_channel)
FROM summary_region_school rs JOIN summary_destination x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.graduation_year, x.follow_up;

INSERT INTO summary_region_totals (region_path, enrolled, graduates, employed_unregistered)
SELECT rs.region_path, SUM(x.enrolled), SUM(x.graduates), SUM(x.employed_unregistered)
FROM summary_region_school rs JOIN summary_school x ON x.school_id = rs.school_id
GROUP BY rs.region_path;

INSERT INTO summary_region_final_year (region_path, final_year, students, interned)
SELECT rs.region_path, x.final_year, SUM(x.students), SUM(x.interned)
FROM summary_region_school rs JOIN summary_final_year x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.final_year;

INSERT INTO summary_region_practical (region_path, term, major_id, required, held)
SELECT rs.region_path, x.term, x.major_id, SUM(x.required), SUM(x.held)
FROM summary_region_school rs JOIN summary_practical x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.term, x.major_id;
