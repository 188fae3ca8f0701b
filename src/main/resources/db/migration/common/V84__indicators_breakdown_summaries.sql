-- The ministry's employment breakdown, the follow-up rounds' response and the employer survey in
-- the summaries (docs/indicators.md, "Summaries"), so that a group or a region answers them from a
-- few rows as it does its other figures: per school and period like V50, summed per region by path
-- like V62. Each is one statement of indicators.EmploymentBreakdowns over the records, and the rows
-- are filled below with those statements over every school.

-- Per school, graduation year and follow-up point: the confirmed destinations, by the breakdown's terms.
CREATE TABLE summary_breakdown (
    school_id        BIGINT       NOT NULL,
    graduation_year  INT          NOT NULL,
    follow_up        VARCHAR(14)  NOT NULL,
    follow_up_rank   INT          NOT NULL,
    recorded         BIGINT       NOT NULL,
    employed         BIGINT       NOT NULL,
    self_employed    BIGINT       NOT NULL,
    further_study    BIGINT       NOT NULL,
    military         BIGINT       NOT NULL,
    matched          BIGINT       NOT NULL,
    channel_school   BIGINT       NOT NULL,
    channel_agency   BIGINT       NOT NULL,
    channel_other    BIGINT       NOT NULL,
    sector_primary   BIGINT       NOT NULL,
    sector_secondary BIGINT       NOT NULL,
    sector_tertiary  BIGINT       NOT NULL,
    region_local     BIGINT       NOT NULL,
    region_elsewhere BIGINT       NOT NULL,
    region_abroad    BIGINT       NOT NULL,
    contract_yes     BIGINT       NOT NULL,
    contract_no      BIGINT       NOT NULL,
    insured_yes      BIGINT       NOT NULL,
    insured_no       BIGINT       NOT NULL,
    payupto2000      BIGINT       NOT NULL,
    payto3000        BIGINT       NOT NULL,
    payto4000        BIGINT       NOT NULL,
    payto5000        BIGINT       NOT NULL,
    payto6000        BIGINT       NOT NULL,
    payover6000      BIGINT       NOT NULL,
    PRIMARY KEY (school_id, graduation_year, follow_up)
);
CREATE INDEX summary_breakdown_year_ix ON summary_breakdown (graduation_year);

CREATE TABLE summary_region_breakdown (
    region_path      VARCHAR(200) NOT NULL,
    graduation_year  INT          NOT NULL,
    follow_up        VARCHAR(14)  NOT NULL,
    follow_up_rank   INT          NOT NULL,
    recorded         BIGINT       NOT NULL,
    employed         BIGINT       NOT NULL,
    self_employed    BIGINT       NOT NULL,
    further_study    BIGINT       NOT NULL,
    military         BIGINT       NOT NULL,
    matched          BIGINT       NOT NULL,
    channel_school   BIGINT       NOT NULL,
    channel_agency   BIGINT       NOT NULL,
    channel_other    BIGINT       NOT NULL,
    sector_primary   BIGINT       NOT NULL,
    sector_secondary BIGINT       NOT NULL,
    sector_tertiary  BIGINT       NOT NULL,
    region_local     BIGINT       NOT NULL,
    region_elsewhere BIGINT       NOT NULL,
    region_abroad    BIGINT       NOT NULL,
    contract_yes     BIGINT       NOT NULL,
    contract_no      BIGINT       NOT NULL,
    insured_yes      BIGINT       NOT NULL,
    insured_no       BIGINT       NOT NULL,
    payupto2000      BIGINT       NOT NULL,
    payto3000        BIGINT       NOT NULL,
    payto4000        BIGINT       NOT NULL,
    payto5000        BIGINT       NOT NULL,
    payto6000        BIGINT       NOT NULL,
    payover6000      BIGINT       NOT NULL,
    PRIMARY KEY (region_path, graduation_year, follow_up)
);

-- Per school, graduation year and point: graduates asked in the round, answered, and the sum and
-- number of the satisfactions given (a mean of many schools is their sums' quotient).
CREATE TABLE summary_response (
    school_id        BIGINT       NOT NULL,
    graduation_year  INT          NOT NULL,
    follow_up        VARCHAR(14)  NOT NULL,
    asked            BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    satisfaction_sum BIGINT       NOT NULL,
    satisfied        BIGINT       NOT NULL,
    PRIMARY KEY (school_id, graduation_year, follow_up)
);
CREATE INDEX summary_response_year_ix ON summary_response (graduation_year);

CREATE TABLE summary_region_response (
    region_path      VARCHAR(200) NOT NULL,
    graduation_year  INT          NOT NULL,
    follow_up        VARCHAR(14)  NOT NULL,
    asked            BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    satisfaction_sum BIGINT       NOT NULL,
    satisfied        BIGINT       NOT NULL,
    PRIMARY KEY (region_path, graduation_year, follow_up)
);

-- Per school and graduation year: units asked and answered in the employer survey, the sums and
-- numbers of their ratings, and those that would hire again.
CREATE TABLE summary_employer_rating (
    school_id        BIGINT       NOT NULL,
    graduation_year  INT          NOT NULL,
    units            BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    skills_sum       BIGINT       NOT NULL,
    skills_n         BIGINT       NOT NULL,
    attitude_sum     BIGINT       NOT NULL,
    attitude_n       BIGINT       NOT NULL,
    hire_again       BIGINT       NOT NULL,
    PRIMARY KEY (school_id, graduation_year)
);
CREATE INDEX summary_employer_rating_year_ix ON summary_employer_rating (graduation_year);

CREATE TABLE summary_region_employer_rating (
    region_path      VARCHAR(200) NOT NULL,
    graduation_year  INT          NOT NULL,
    units            BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    skills_sum       BIGINT       NOT NULL,
    skills_n         BIGINT       NOT NULL,
    attitude_sum     BIGINT       NOT NULL,
    attitude_n       BIGINT       NOT NULL,
    hire_again       BIGINT       NOT NULL,
    PRIMARY KEY (region_path, graduation_year)
);

-- The rows computed here in one pass over the records, as V62 filled its tables, so that an upgraded
-- installation does not refresh every school at its first read. These are the statements of
-- indicators.EmploymentBreakdowns (SUMMARY, SUMMARY_RESPONSES, SUMMARY_EMPLOYERS) over every school,
-- and the region rows their sums by path (Summaries.ROLLUPS); a verification compares them with those.
INSERT INTO summary_breakdown (school_id, graduation_year, follow_up, follow_up_rank, recorded, employed, self_employed, further_study, military, matched, channel_school, channel_agency, channel_other, sector_primary, sector_secondary, sector_tertiary, region_local, region_elsewhere, region_abroad, contract_yes, contract_no, insured_yes, insured_no, payupto2000, payto3000, payto4000, payto5000, payto6000, payover6000)
SELECT d.school_id, d.graduation_year, d.follow_up, d.follow_up_rank,
       COUNT(*),
       COUNT(CASE WHEN d.kind = 'EMPLOYED' THEN 1 END),
       COUNT(CASE WHEN d.kind = 'SELF_EMPLOYED' THEN 1 END),
       COUNT(CASE WHEN d.kind = 'FURTHER_STUDY' THEN 1 END),
       COUNT(CASE WHEN d.kind = 'MILITARY' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.matched THEN 1 END),
       COUNT(CASE WHEN d.kind = 'EMPLOYED' AND d.channel = 'SCHOOL' THEN 1 END),
       COUNT(CASE WHEN d.kind = 'EMPLOYED' AND d.channel = 'AGENCY' THEN 1 END),
       COUNT(CASE WHEN d.kind = 'EMPLOYED' AND d.channel = 'OTHER' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.sector = 'PRIMARY' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.sector = 'SECONDARY' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.sector = 'TERTIARY' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.local_job THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND NOT d.local_job AND NOT d.abroad THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.abroad THEN 1 END),
       COUNT(CASE WHEN d.kind = 'EMPLOYED' AND d.contract THEN 1 END),
       COUNT(CASE WHEN d.kind = 'EMPLOYED' AND NOT d.contract THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.insured THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND NOT d.insured THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.pay_band = 'UP_TO_2000' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.pay_band = 'TO_3000' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.pay_band = 'TO_4000' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.pay_band = 'TO_5000' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.pay_band = 'TO_6000' THEN 1 END),
       COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.pay_band = 'OVER_6000' THEN 1 END)
FROM destination d WHERE d.confirmed
GROUP BY d.school_id, d.graduation_year, d.follow_up, d.follow_up_rank;

INSERT INTO summary_response (school_id, graduation_year, follow_up, asked, answered, satisfaction_sum, satisfied)
SELECT r.school_id, r.graduation_year, r.follow_up, COUNT(q.id), COUNT(q.answered_at),
       COALESCE(SUM(q.satisfaction), 0), COUNT(q.satisfaction)
FROM follow_up_round r JOIN follow_up_request q ON q.round_id = r.id
GROUP BY r.school_id, r.graduation_year, r.follow_up;

INSERT INTO summary_employer_rating (school_id, graduation_year, units, answered, skills_sum, skills_n, attitude_sum,
                                     attitude_n, hire_again)
SELECT v.school_id, v.graduation_year, COUNT(g.id), COUNT(g.answered_at), COALESCE(SUM(g.skills), 0), COUNT(g.skills),
       COALESCE(SUM(g.attitude), 0), COUNT(g.attitude), COUNT(CASE WHEN g.hire_again THEN 1 END)
FROM employer_survey v JOIN employer_rating g ON g.survey_id = v.id
GROUP BY v.school_id, v.graduation_year;

INSERT INTO summary_region_breakdown (region_path, graduation_year, follow_up, follow_up_rank, recorded, employed, self_employed, further_study, military, matched, channel_school, channel_agency, channel_other, sector_primary, sector_secondary, sector_tertiary, region_local, region_elsewhere, region_abroad, contract_yes, contract_no, insured_yes, insured_no, payupto2000, payto3000, payto4000, payto5000, payto6000, payover6000)
SELECT rs.region_path, x.graduation_year, x.follow_up, x.follow_up_rank,
       SUM(x.recorded), SUM(x.employed), SUM(x.self_employed), SUM(x.further_study), SUM(x.military), SUM(x.matched), SUM(x.channel_school), SUM(x.channel_agency), SUM(x.channel_other), SUM(x.sector_primary), SUM(x.sector_secondary), SUM(x.sector_tertiary), SUM(x.region_local), SUM(x.region_elsewhere), SUM(x.region_abroad), SUM(x.contract_yes), SUM(x.contract_no), SUM(x.insured_yes), SUM(x.insured_no), SUM(x.payupto2000), SUM(x.payto3000), SUM(x.payto4000), SUM(x.payto5000), SUM(x.payto6000), SUM(x.payover6000)
FROM summary_region_school rs JOIN summary_breakdown x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.graduation_year, x.follow_up, x.follow_up_rank;

INSERT INTO summary_region_response (region_path, graduation_year, follow_up, asked, answered, satisfaction_sum,
                                     satisfied)
SELECT rs.region_path, x.graduation_year, x.follow_up, SUM(x.asked), SUM(x.answered), SUM(x.satisfaction_sum),
       SUM(x.satisfied)
FROM summary_region_school rs JOIN summary_response x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.graduation_year, x.follow_up;

INSERT INTO summary_region_employer_rating (region_path, graduation_year, units, answered, skills_sum, skills_n,
                                            attitude_sum, attitude_n, hire_again)
SELECT rs.region_path, x.graduation_year, SUM(x.units), SUM(x.answered), SUM(x.skills_sum), SUM(x.skills_n),
       SUM(x.attitude_sum), SUM(x.attitude_n), SUM(x.hire_again)
FROM summary_region_school rs JOIN summary_employer_rating x ON x.school_id = rs.school_id
GROUP BY rs.region_path, x.graduation_year;
