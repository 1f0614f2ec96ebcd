-- Parley session schema, version 3: maintained per-pair facts for Compare.
-- Compare read every meeting of the focus through three tables (the
-- participants index, then the meeting and its article by row id, scattered
-- over the file), then the records and the mentions the same way: about
-- 1.8 s for a focus in 20k of a million meetings. These tables hold, per
-- stored (raw) entity, one row per meeting or record it shares with another
-- entity, with everything Compare reads or filters on, so that Compare is one
-- range scan of each. Rows name raw entities: merges leave them valid and
-- Compare maps them to canonical ids (merges are few). Triggers keep them
-- exact on insert, delete (including cascades) and reassignment, and on the
-- analyst's meeting corrections and article corrections.

-- One row per meeting and ordered pair of its participants (positions
-- differ), with the analyst's corrections applied.
CREATE TABLE pair_facts (
	entity_id  INTEGER NOT NULL,
	meeting_id INTEGER NOT NULL,
	other_id   INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	wrong      INTEGER NOT NULL,    -- the analyst marked the meeting wrong
	day        TEXT NOT NULL,       -- the meeting's date, or failing that the article's
	outlet     TEXT NOT NULL,
	lang       TEXT NOT NULL,
	mentions   INTEGER NOT NULL,    -- mentions of other_id in the article
	meeting    TEXT NOT NULL,       -- times, edited, status, date, place, published (see below)
	-- the row as Compare reads it, one string: numbers end with a space,
	-- strings are written as their length in bytes, ':' and the bytes
	fact       TEXT GENERATED ALWAYS AS (other_id || ' ' || meeting_id || ' ' || article_id || ' ' || mentions || ' ' ||
		octet_length(outlet) || ':' || outlet || meeting) STORED,
	PRIMARY KEY (entity_id, meeting_id, other_id)
) WITHOUT ROWID;

-- pair_fact_rows is what pair_facts must hold, computed from the base tables.
CREATE VIEW pair_fact_rows AS
SELECT p.entity_id AS entity_id, p.meeting_id AS meeting_id, q.entity_id AS other_id, g.article_id AS article_id,
	COALESCE(em.wrong, 0) AS wrong,
	COALESCE(NULLIF(COALESCE(em.date, g.date), ''), a.published) AS day,
	a.outlet AS outlet, a.lang AS lang,
	(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = q.entity_id AND m.article_id = g.article_id) AS mentions,
	' ' || COALESCE(em.times, g.times) || ' ' || (em.key IS NOT NULL) || ' ' ||
	octet_length(COALESCE(em.status, g.status)) || ':' || COALESCE(em.status, g.status) ||
	octet_length(COALESCE(em.date, g.date)) || ':' || COALESCE(em.date, g.date) ||
	octet_length(COALESCE(em.place, g.place)) || ':' || COALESCE(em.place, g.place) ||
	octet_length(a.published) || ':' || a.published AS meeting
FROM meeting_participants p
JOIN meeting_participants q ON q.meeting_id = p.meeting_id AND q.pos != p.pos
JOIN meetings g ON g.id = p.meeting_id
JOIN articles a ON a.id = g.article_id
LEFT JOIN edit_meetings em ON em.key = g.key;

-- in key order: the table is written from start to end
INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting)
SELECT * FROM pair_fact_rows ORDER BY entity_id, meeting_id, other_id;

-- participants: a meeting's rows are rebuilt from its remaining participants
CREATE TRIGGER pair_facts_participant_ai AFTER INSERT ON meeting_participants BEGIN
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id = new.meeting_id;
END;
CREATE TRIGGER pair_facts_participant_ad AFTER DELETE ON meeting_participants BEGIN
	DELETE FROM pair_facts WHERE meeting_id = old.meeting_id
		AND entity_id IN (SELECT entity_id FROM meeting_participants WHERE meeting_id = old.meeting_id UNION ALL SELECT old.entity_id);
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id = old.meeting_id;
END;
CREATE TRIGGER pair_facts_participant_au AFTER UPDATE OF entity_id, meeting_id, pos ON meeting_participants BEGIN
	DELETE FROM pair_facts WHERE meeting_id IN (old.meeting_id, new.meeting_id)
		AND entity_id IN (SELECT entity_id FROM meeting_participants WHERE meeting_id IN (old.meeting_id, new.meeting_id) UNION ALL SELECT old.entity_id);
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id IN (old.meeting_id, new.meeting_id);
END;

-- the analyst's meeting corrections, by meeting key
CREATE TRIGGER pair_facts_edit_ai AFTER INSERT ON edit_meetings BEGIN
	DELETE FROM pair_facts WHERE (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.key = new.key);
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id IN (SELECT id FROM meetings WHERE key = new.key);
END;
CREATE TRIGGER pair_facts_edit_au AFTER UPDATE ON edit_meetings BEGIN
	DELETE FROM pair_facts WHERE (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.key IN (old.key, new.key));
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id IN (SELECT id FROM meetings WHERE key IN (old.key, new.key));
END;
CREATE TRIGGER pair_facts_edit_ad AFTER DELETE ON edit_meetings BEGIN
	DELETE FROM pair_facts WHERE (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.key = old.key);
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id IN (SELECT id FROM meetings WHERE key = old.key);
END;

-- meetings change only by deletion (cascading to their participants); a
-- change of their columns in place is still followed
CREATE TRIGGER pair_facts_meeting_au AFTER UPDATE ON meetings BEGIN
	DELETE FROM pair_facts WHERE (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meeting_participants p WHERE p.meeting_id IN (old.id, new.id));
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id IN (old.id, new.id);
END;

-- the analyst's article corrections
CREATE TRIGGER pair_facts_article_au AFTER UPDATE OF outlet, lang, published ON articles
WHEN old.outlet IS NOT new.outlet OR old.lang IS NOT new.lang OR old.published IS NOT new.published BEGIN
	DELETE FROM pair_facts WHERE (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.article_id = new.id);
	INSERT OR IGNORE INTO pair_facts(entity_id, meeting_id, other_id, article_id, wrong, day, outlet, lang, mentions, meeting) SELECT * FROM pair_fact_rows WHERE meeting_id IN (SELECT id FROM meetings WHERE article_id = new.id);
END;

-- mentions of the other entity in the article (an article's mentions are
-- stored before its meetings: then there is nothing to update)
CREATE TRIGGER pair_facts_mention_ai AFTER INSERT ON mentions
WHEN EXISTS (SELECT 1 FROM meetings WHERE article_id = new.article_id) BEGIN
	UPDATE pair_facts SET mentions = mentions + 1 WHERE other_id = new.entity_id AND (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.article_id = new.article_id);
END;
CREATE TRIGGER pair_facts_mention_ad AFTER DELETE ON mentions
WHEN EXISTS (SELECT 1 FROM meetings WHERE article_id = old.article_id) BEGIN
	UPDATE pair_facts SET mentions = mentions - 1 WHERE other_id = old.entity_id AND (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.article_id = old.article_id);
END;
CREATE TRIGGER pair_facts_mention_au AFTER UPDATE OF entity_id, article_id ON mentions
WHEN old.entity_id != new.entity_id OR old.article_id != new.article_id BEGIN
	UPDATE pair_facts SET mentions = mentions - 1 WHERE other_id = old.entity_id AND (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.article_id = old.article_id);
	UPDATE pair_facts SET mentions = mentions + 1 WHERE other_id = new.entity_id AND (entity_id, meeting_id) IN
		(SELECT p.entity_id, p.meeting_id FROM meetings g JOIN meeting_participants p ON p.meeting_id = g.id WHERE g.article_id = new.article_id);
END;

-- One row per held record and ordered pair of its participants: the
-- article's own tally of the pair, for Compare's reported count.
CREATE TABLE pair_records (
	entity_id   INTEGER NOT NULL,
	record_id   INTEGER NOT NULL,
	other_id    INTEGER NOT NULL,
	-- other_id, record_id, article_id, times, explicit, meeting_ids: one
	-- string, written as pair_facts.fact
	record      TEXT NOT NULL,
	PRIMARY KEY (entity_id, record_id, other_id)
) WITHOUT ROWID;

CREATE VIEW pair_record_rows AS
SELECT p.entity_id AS entity_id, r.id AS record_id, q.entity_id AS other_id,
	q.entity_id || ' ' || r.id || ' ' || r.article_id || ' ' || r.times || ' ' || (r.explicit != 0) || ' ' ||
	octet_length(r.meeting_ids) || ':' || r.meeting_ids AS record
FROM records r
JOIN record_participants p ON p.record_id = r.id
JOIN record_participants q ON q.record_id = r.id AND q.entity_id != p.entity_id
WHERE r.status = 'held';

INSERT OR IGNORE INTO pair_records SELECT * FROM pair_record_rows ORDER BY entity_id, record_id, other_id;

CREATE TRIGGER pair_records_participant_ai AFTER INSERT ON record_participants BEGIN
	INSERT OR IGNORE INTO pair_records SELECT * FROM pair_record_rows WHERE record_id = new.record_id
		AND (entity_id = new.entity_id OR other_id = new.entity_id);
END;
CREATE TRIGGER pair_records_participant_ad AFTER DELETE ON record_participants BEGIN
	DELETE FROM pair_records WHERE entity_id = old.entity_id AND record_id = old.record_id;
	DELETE FROM pair_records WHERE record_id = old.record_id AND other_id = old.entity_id
		AND entity_id IN (SELECT entity_id FROM record_participants WHERE record_id = old.record_id);
END;
CREATE TRIGGER pair_records_participant_au AFTER UPDATE OF entity_id, record_id ON record_participants BEGIN
	DELETE FROM pair_records WHERE record_id IN (old.record_id, new.record_id)
		AND entity_id IN (SELECT entity_id FROM record_participants WHERE record_id IN (old.record_id, new.record_id) UNION ALL SELECT old.entity_id);
	INSERT OR IGNORE INTO pair_records SELECT * FROM pair_record_rows WHERE record_id IN (old.record_id, new.record_id);
END;
CREATE TRIGGER pair_records_record_au AFTER UPDATE ON records BEGIN
	DELETE FROM pair_records WHERE record_id IN (old.id, new.id)
		AND entity_id IN (SELECT entity_id FROM record_participants WHERE record_id IN (old.id, new.id));
	INSERT OR IGNORE INTO pair_records SELECT * FROM pair_record_rows WHERE record_id IN (old.id, new.id);
END;
