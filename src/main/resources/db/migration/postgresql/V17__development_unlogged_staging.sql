-- The staging tables of the honours and expenditures import kinds, as V10.
ALTER TABLE honour_import SET UNLOGGED;
ALTER TABLE expenditure_import SET UNLOGGED;
