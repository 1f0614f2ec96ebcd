package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// meetingSelect reads meetings with the analyst's corrections applied.
const meetingSelect = `SELECT g.id, g.key, g.article_id,
	COALESCE(em.kind, g.kind), COALESCE(em.status, g.status), COALESCE(em.times, g.times),
	COALESCE(em.date, g.date), COALESCE(em.place, g.place), COALESCE(em.attribution, g.attribution),
	g.evidence, g.start, g.end, a.outlet, a.published, a.title, COALESCE(em.wrong, 0), em.key IS NOT NULL
	FROM meetings g JOIN articles a ON a.id = g.article_id LEFT JOIN edit_meetings em ON em.key = g.key`

// focusMeetings is the condition "meeting g has the canonical entity ? among its participants".
const focusMeetings = `g.id IN (SELECT p.meeting_id FROM meeting_participants p JOIN entities e ON e.id = p.entity_id WHERE COALESCE(e.canonical_id, e.id) = ?)`

type meetingRowID struct {
	MeetingRow
	id int64
}

func (s *DB) queryMeetings(ctx context.Context, w *where, tail string) ([]meetingRowID, error) {
	rows, err := s.db.QueryContext(ctx, meetingSelect+w.sql()+tail, w.args...)
	if err != nil {
		return nil, s.readErr(err)
	}
	defer rows.Close()
	var out []meetingRowID
	for rows.Next() {
		var m meetingRowID
		var pub string
		if err := rows.Scan(&m.id, &m.Key, &m.ArticleID, &m.Kind, &m.Status, &m.Times, &m.Date, &m.Place, &m.Attribution,
			&m.Evidence, &m.Start, &m.End, &m.Outlet, &pub, &m.Title, &m.Wrong, &m.Edited); err != nil {
			return nil, s.readErr(err)
		}
		m.ArticleDate = parseDate(pub)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, s.readErr(err)
	}
	return s.withParticipants(ctx, out)
}

// withParticipants fills in the participants of meetings read without them.
func (s *DB) withParticipants(ctx context.Context, ms []meetingRowID) ([]meetingRowID, error) {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.id
	}
	parts, err := s.participants(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range ms {
		ms[i].Participants = parts[ms[i].id]
	}
	return ms, nil
}

// meetingDates limits meetings to a date range: the meeting's own date, or
// its article's when the text gives none.
func meetingDates(w *where, from, to time.Time) {
	if !from.IsZero() {
		w.add("COALESCE(NULLIF(COALESCE(em.date, g.date), ''), a.published) >= ?", dateString(from))
	}
	if !to.IsZero() {
		w.add("COALESCE(NULLIF(COALESCE(em.date, g.date), ''), a.published) <= ?", dateString(to))
	}
}

// participants reads the participants (canonical entities) of meetings.
func (s *DB) participants(ctx context.Context, ids []int64) (map[int64][]EntityRef, error) {
	out := make(map[int64][]EntityRef, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 50000)
		chunk := ids[:n]
		ids = ids[n:]
		var w where
		w.inIDs("p.meeting_id", chunk)
		rows, err := s.db.QueryContext(ctx, `SELECT p.meeting_id, c.id, COALESCE(c.name_override, c.name)
			FROM meeting_participants p JOIN entities e ON e.id = p.entity_id JOIN entities c ON c.id = COALESCE(e.canonical_id, e.id)`+w.sql()+` ORDER BY p.meeting_id, p.pos`, w.args...)
		if err != nil {
			return nil, s.readErr(err)
		}
		for rows.Next() {
			var mid int64
			var r EntityRef
			if err := rows.Scan(&mid, &r.ID, &r.Name); err != nil {
				rows.Close()
				return nil, s.readErr(err)
			}
			dup := false
			for _, x := range out[mid] {
				dup = dup || x.ID == r.ID
			}
			if !dup {
				out[mid] = append(out[mid], r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.readErr(err)
		}
	}
	return out, nil
}

// Meetings lists extracted meetings with the analyst's corrections applied.
func (s *DB) Meetings(ctx context.Context, f MeetingFilter) ([]MeetingRow, error) {
	var w where
	if f.Entity != 0 {
		w.add(focusMeetings, f.Entity)
	}
	w.in("COALESCE(em.status, g.status)", f.Statuses)
	w.in("COALESCE(em.kind, g.kind)", f.Kinds)
	w.inIDs("g.article_id", f.Articles)
	meetingDates(&w, f.From, f.To)
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add("g.evidence LIKE ?", "%"+likeEscape(q)+"%")
	}
	if !f.IncludeWrong {
		w.add("COALESCE(em.wrong, 0) = 0")
	}
	tail := " ORDER BY COALESCE(NULLIF(COALESCE(em.date, g.date), ''), a.published) DESC, g.article_id, g.start"
	if f.Limit > 0 {
		tail += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0))
	}
	ms, err := s.queryMeetings(ctx, &w, tail)
	if err != nil {
		return nil, err
	}
	out := make([]MeetingRow, len(ms))
	for i, m := range ms {
		out[i] = m.MeetingRow
	}
	return out, nil
}
