-- Parley session schema, version 1.
-- Extraction output (mentions, meetings, records) is disposable: re-extraction
-- deletes and rewrites it per article. The analyst's edits live in their own
-- tables, keyed by stable keys (entity keys, meeting keys, article hashes), so
-- re-extraction never discards them.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	hash      TEXT NOT NULL UNIQUE,          -- SHA-256 of the decoded text
	path      TEXT NOT NULL,
	format    TEXT NOT NULL,
	encoding  TEXT NOT NULL,
	title     TEXT NOT NULL DEFAULT '',
	outlet    TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD or ''
	dateline  TEXT NOT NULL DEFAULT '',
	lang      TEXT NOT NULL DEFAULT '',
	text      TEXT NOT NULL,
	size      INTEGER NOT NULL DEFAULT 0,
	imported  TEXT NOT NULL,                 -- RFC 3339
	extracted TEXT NOT NULL DEFAULT ''       -- extractor version that produced the current extraction
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_lang ON articles(lang);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text, content='articles', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Entities as the extractor names them (key), with the analyst's overlay:
-- canonical_id follows merges; name_override/kind_override follow renames.
CREATE TABLE entities (
	id            INTEGER PRIMARY KEY,
	key           TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	kind          TEXT NOT NULL,
	known         INTEGER NOT NULL DEFAULT 0,
	canonical_id  INTEGER,                   -- NULL = itself
	name_override TEXT,
	kind_override TEXT
);
CREATE INDEX entities_canonical ON entities(canonical_id);

CREATE TABLE aliases (
	entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	alias     TEXT NOT NULL,
	source    TEXT NOT NULL,                 -- gazetteer, seen, analyst
	PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases(alias);

CREATE TABLE mentions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity_id  INTEGER NOT NULL REFERENCES entities(id),
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	surface    TEXT NOT NULL,
	via        TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);

CREATE TABLE meetings (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	key         TEXT NOT NULL,               -- stable across re-extraction
	kind        TEXT NOT NULL,
	status      TEXT NOT NULL,
	times       INTEGER NOT NULL DEFAULT 0,
	count_text  TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	place       TEXT NOT NULL DEFAULT '',
	attribution TEXT NOT NULL DEFAULT '',
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	evidence    TEXT NOT NULL
);
CREATE INDEX meetings_article ON meetings(article_id);
CREATE INDEX meetings_key ON meetings(key);

CREATE TABLE meeting_participants (
	meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	entity_id  INTEGER NOT NULL REFERENCES entities(id),
	pos        INTEGER NOT NULL,
	PRIMARY KEY (meeting_id, pos)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_entity ON meeting_participants(entity_id);

-- Article-level records (FORMAT.md shape): the article's own tally per pair and status.
CREATE TABLE records (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	status      TEXT NOT NULL,
	kind        TEXT NOT NULL,
	times       INTEGER NOT NULL,
	explicit    INTEGER NOT NULL,
	attribution TEXT NOT NULL DEFAULT '',
	meeting_ids TEXT NOT NULL DEFAULT ''     -- space-separated meetings.id supporting it
);
CREATE INDEX records_article ON records(article_id);

CREATE TABLE record_participants (
	record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	entity_id INTEGER NOT NULL REFERENCES entities(id),
	PRIMARY KEY (record_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX record_participants_entity ON record_participants(entity_id);

-- The analyst's edits. State tables first (what applies now), then history.
CREATE TABLE edit_merges (          -- entity from_key is shown as into_key
	from_key TEXT PRIMARY KEY,
	into_key TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE edit_entities (        -- rename / kind change, by entity key
	key  TEXT PRIMARY KEY,
	name TEXT,
	kind TEXT
) WITHOUT ROWID;
CREATE TABLE edit_aliases (         -- alias added by the analyst
	key   TEXT NOT NULL,
	alias TEXT NOT NULL,
	PRIMARY KEY (key, alias)
) WITHOUT ROWID;
CREATE TABLE edit_splits (          -- mentions of from_key with this surface go to new_key
	from_key TEXT NOT NULL,
	alias    TEXT NOT NULL,
	new_key  TEXT NOT NULL,
	new_name TEXT NOT NULL,
	PRIMARY KEY (from_key, alias)
) WITHOUT ROWID;
CREATE TABLE edit_meetings (        -- corrections to a meeting, by meeting key
	key         TEXT PRIMARY KEY,
	kind        TEXT,
	status      TEXT,
	times       INTEGER,
	date        TEXT,
	place       TEXT,
	attribution TEXT,
	wrong       INTEGER
) WITHOUT ROWID;
CREATE TABLE edit_dismissed (       -- duplicate suggestions the analyst dismissed
	a_key TEXT NOT NULL,
	b_key TEXT NOT NULL,
	PRIMARY KEY (a_key, b_key)
) WITHOUT ROWID;
CREATE TABLE edits (                -- history, for Undo
	id      INTEGER PRIMARY KEY,
	kind    TEXT NOT NULL,
	summary TEXT NOT NULL,
	undo    TEXT NOT NULL,              -- JSON: how to reverse it
	at      TEXT NOT NULL
);
