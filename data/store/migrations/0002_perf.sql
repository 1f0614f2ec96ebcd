-- Parley session schema, version 2: maintained per-entity counts.
-- The entity list ranks every entity by its mentions as the workbench
-- opens; counting every mention row each time took about a second at 100k
-- articles. These counts are per stored entity row (not per canonical
-- entity): merges leave them valid, and the queries sum or recount the
-- entities merged into one. Triggers keep them exact on insert, delete
-- (including cascades) and reassignment.

CREATE TABLE entity_counts (
	entity_id INTEGER PRIMARY KEY,
	mentions  INTEGER NOT NULL DEFAULT 0,
	articles  INTEGER NOT NULL DEFAULT 0,   -- distinct articles among the mentions
	meetings  INTEGER NOT NULL DEFAULT 0    -- distinct meetings it takes part in
);

INSERT INTO entity_counts(entity_id, mentions, articles, meetings)
SELECT e.id,
	(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
	(SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id),
	(SELECT COUNT(DISTINCT p.meeting_id) FROM meeting_participants p WHERE p.entity_id = e.id)
FROM entities e;

CREATE TRIGGER mentions_count_ai AFTER INSERT ON mentions BEGIN
	INSERT INTO entity_counts(entity_id, mentions, articles) VALUES (new.entity_id, 1,
		NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = new.entity_id AND m.article_id = new.article_id AND m.rowid != new.rowid))
	ON CONFLICT(entity_id) DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
END;
CREATE TRIGGER mentions_count_ad AFTER DELETE ON mentions BEGIN
	UPDATE entity_counts SET mentions = mentions - 1,
		articles = articles - NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = old.entity_id AND m.article_id = old.article_id)
	WHERE entity_id = old.entity_id;
END;
CREATE TRIGGER mentions_count_au AFTER UPDATE OF entity_id ON mentions WHEN old.entity_id != new.entity_id BEGIN
	UPDATE entity_counts SET mentions = mentions - 1,
		articles = articles - NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = old.entity_id AND m.article_id = old.article_id)
	WHERE entity_id = old.entity_id;
	INSERT INTO entity_counts(entity_id, mentions, articles) VALUES (new.entity_id, 1,
		NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = new.entity_id AND m.article_id = new.article_id AND m.rowid != new.rowid))
	ON CONFLICT(entity_id) DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
END;

CREATE TRIGGER participants_count_ai AFTER INSERT ON meeting_participants BEGIN
	INSERT INTO entity_counts(entity_id, meetings) VALUES (new.entity_id,
		NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = new.meeting_id AND p.entity_id = new.entity_id AND p.pos != new.pos))
	ON CONFLICT(entity_id) DO UPDATE SET meetings = meetings + excluded.meetings;
END;
CREATE TRIGGER participants_count_ad AFTER DELETE ON meeting_participants BEGIN
	UPDATE entity_counts SET
		meetings = meetings - NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = old.meeting_id AND p.entity_id = old.entity_id)
	WHERE entity_id = old.entity_id;
END;
CREATE TRIGGER participants_count_au AFTER UPDATE OF entity_id ON meeting_participants WHEN old.entity_id != new.entity_id BEGIN
	UPDATE entity_counts SET
		meetings = meetings - NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = old.meeting_id AND p.entity_id = old.entity_id)
	WHERE entity_id = old.entity_id;
	INSERT INTO entity_counts(entity_id, meetings) VALUES (new.entity_id,
		NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = new.meeting_id AND p.entity_id = new.entity_id AND p.pos != new.pos))
	ON CONFLICT(entity_id) DO UPDATE SET meetings = meetings + excluded.meetings;
END;

-- The distinct surfaces each entity is written under (not roles or
-- pronouns), for the entity list's aliases: reading them from the mentions
-- meant reading every mention of every listed entity.
CREATE TABLE entity_surfaces (
	entity_id INTEGER NOT NULL,
	surface   TEXT NOT NULL,
	n         INTEGER NOT NULL,              -- mentions with this surface
	PRIMARY KEY (entity_id, surface)
) WITHOUT ROWID;

INSERT INTO entity_surfaces(entity_id, surface, n)
SELECT entity_id, surface, COUNT(*) FROM mentions WHERE via NOT IN ('role', 'pronoun') GROUP BY entity_id, surface;

CREATE TRIGGER mentions_surface_ai AFTER INSERT ON mentions WHEN new.via NOT IN ('role', 'pronoun') BEGIN
	INSERT INTO entity_surfaces(entity_id, surface, n) VALUES (new.entity_id, new.surface, 1)
	ON CONFLICT(entity_id, surface) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER mentions_surface_ad AFTER DELETE ON mentions WHEN old.via NOT IN ('role', 'pronoun') BEGIN
	UPDATE entity_surfaces SET n = n - 1 WHERE entity_id = old.entity_id AND surface = old.surface;
	DELETE FROM entity_surfaces WHERE entity_id = old.entity_id AND surface = old.surface AND n <= 0;
END;
CREATE TRIGGER mentions_surface_au_old AFTER UPDATE OF entity_id, surface, via ON mentions WHEN old.via NOT IN ('role', 'pronoun') BEGIN
	UPDATE entity_surfaces SET n = n - 1 WHERE entity_id = old.entity_id AND surface = old.surface;
	DELETE FROM entity_surfaces WHERE entity_id = old.entity_id AND surface = old.surface AND n <= 0;
END;
CREATE TRIGGER mentions_surface_au_new AFTER UPDATE OF entity_id, surface, via ON mentions WHEN new.via NOT IN ('role', 'pronoun') BEGIN
	INSERT INTO entity_surfaces(entity_id, surface, n) VALUES (new.entity_id, new.surface, 1)
	ON CONFLICT(entity_id, surface) DO UPDATE SET n = n + 1;
END;

-- The search index without positions (detail=none): searches are LIKE
-- patterns the trigram index answers, checked against the text; the full
-- index took twice the size of the text itself (69 MB for 32 MB of text at
-- 10k articles, over half the session file), this one a tenth of that.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text, content='articles', content_rowid='id', tokenize='trigram', detail=none
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
