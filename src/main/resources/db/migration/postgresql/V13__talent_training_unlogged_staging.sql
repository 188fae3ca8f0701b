-- The staging tables of the certificates and training-sessions import kinds, as V10.
ALTER TABLE certificate_import SET UNLOGGED;
ALTER TABLE training_session_import SET UNLOGGED;
