-- The ministry's employment breakdown, the follow-up rounds' response and the employer survey in
-- the summaries (docs/indicators.md, "Summaries"), so that a group or a region answers them from a
-- few rows as it does its other figures: per school and period like V50, summed per region by path
-- like V62. Each is one statement of indicators.EmploymentBreakdowns over the records. The rows are
-- not computed here: every school is logged in summary_change below, and the first refresh (before
-- the first figure is read, or within seconds in the background) computes them from the records with
-- the same statement as the verification, so there is one definition of each, not a second one here.

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

-- every school recomputed by the next refresh (one log row a school)
INSERT INTO summary_change (school_id) SELECT id FROM school;
