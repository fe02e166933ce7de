CREATE TABLE events (
	id         BIGSERIAL PRIMARY KEY,
	request_id TEXT      NOT NULL,
	system     TEXT      NOT NULL,
	code       TEXT      NOT NULL,
	action     TEXT      NOT NULL CHECK (action IN ('accepted', 'rejected', 'added')),
	reason     TEXT      NOT NULL DEFAULT '',
	user_name  TEXT      NOT NULL DEFAULT '',
	terms      TEXT      NOT NULL DEFAULT '[]',
	created_us BIGINT    NOT NULL
);
CREATE INDEX events_request ON events (request_id, id);
CREATE INDEX events_code ON events (system, code);
