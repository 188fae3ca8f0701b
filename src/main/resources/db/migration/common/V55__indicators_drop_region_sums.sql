-- The per-region sums of the employer sets (V50, V52, V54) are taken out: in a full CI run verify
-- found 12 of their rows differing from the sums of the school sets, after a sequence of writes not
-- yet identified. Until it is, a region's distinct count reads the school sets (exact, slower).
DROP TABLE summary_region_employer;
DROP TABLE summary_region;
DROP TABLE summary_employer_prev;
