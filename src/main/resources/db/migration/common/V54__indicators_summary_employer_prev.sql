-- A school's employer set as it was summarised, copied aside while the school is refreshed (under
-- the refresh lock, so one school at a time): the region sums move by the difference between it
-- and the stored new set, both stored rows, never by a second reading of the records, which a
-- write committed in between could make differ from the rows stored.
CREATE TABLE summary_employer_prev (
    region_id     BIGINT NOT NULL,
    enterprise_id BIGINT NOT NULL,
    graduates     BIGINT NOT NULL
);
