-- A province's answer reads one period of each summary (a year, a year and point, a level) across
-- its 500 schools: an index on the period, so that it reads those rows and not the whole table.
CREATE INDEX summary_cohort_year_ix ON summary_cohort (graduation_year);
CREATE INDEX summary_destination_period_ix ON summary_destination (graduation_year, follow_up);
CREATE INDEX summary_talent_level_ix ON summary_talent (level);
CREATE INDEX summary_final_year_year_ix ON summary_final_year (final_year);
