CREATE TABLE events (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	request_id TEXT    NOT NULL,
	system     TEXT    NOT NULL,
	code       TEXT    NOT NULL,
	action     TEXT    NOT NULL CHECK (action IN ('accepted', 'rejected', 'added')),
	reason     TEXT    NOT NULL DEFAULT '',
	user_name  TEXT    NOT NULL DEFAULT '',
	terms      TEXT    NOT NULL DEFAULT '[]',
	created_us INTEGER NOT NULL
);
CREATE INDEX events_request ON events (request_id, id);
CREATE INDEX events_code ON events (system, code);
