ALTER TABLE events ADD COLUMN idem_key TEXT;
CREATE UNIQUE INDEX events_idem_key ON events (idem_key);
