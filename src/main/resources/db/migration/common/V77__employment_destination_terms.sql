-- What the ministry's statistics of secondary vocational graduates ask of a directly employed
-- graduate: channel (already kept for hires), sector, monthly pay band, labour contract, social
-- insurance, and abroad as a region beside local. NULL: not known (older records, older files).
ALTER TABLE destination ADD COLUMN sector VARCHAR(10);
ALTER TABLE destination ADD COLUMN pay_band VARCHAR(12);
ALTER TABLE destination ADD COLUMN contract BOOLEAN;
ALTER TABLE destination ADD COLUMN insured BOOLEAN;
ALTER TABLE destination ADD COLUMN abroad BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE destination ADD CONSTRAINT destination_channel_ck CHECK (channel IN ('SCHOOL', 'AGENCY', 'OTHER'));
ALTER TABLE destination ADD CONSTRAINT destination_sector_ck CHECK (sector IN ('PRIMARY', 'SECONDARY', 'TERTIARY'));
ALTER TABLE destination ADD CONSTRAINT destination_pay_band_ck
    CHECK (pay_band IN ('UP_TO_2000', 'TO_3000', 'TO_4000', 'TO_5000', 'TO_6000', 'OVER_6000'));
ALTER TABLE destination ADD CONSTRAINT destination_abroad_ck CHECK (NOT (abroad AND local_job));

-- a crafts unit of the registry is manufacturing (第二产业): the directly employed there get it now
UPDATE destination SET sector = 'SECONDARY'
WHERE kind IN ('EMPLOYED', 'SELF_EMPLOYED')
  AND enterprise_id IN (SELECT e.id FROM enterprise e WHERE e.industry <> 'OTHER');

ALTER TABLE destination_import ADD COLUMN channel VARCHAR(10);
ALTER TABLE destination_import ADD COLUMN sector VARCHAR(10);
ALTER TABLE destination_import ADD COLUMN pay_band VARCHAR(12);
ALTER TABLE destination_import ADD COLUMN contract BOOLEAN;
ALTER TABLE destination_import ADD COLUMN insured BOOLEAN;
ALTER TABLE destination_import ADD COLUMN abroad BOOLEAN DEFAULT FALSE NOT NULL;
-- whether the file has the terms' columns: a file without them (older files) keeps what is recorded
ALTER TABLE destination_import ADD COLUMN terms_given BOOLEAN DEFAULT FALSE NOT NULL;
