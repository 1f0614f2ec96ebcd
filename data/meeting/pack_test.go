package meeting

import "testing"

func TestPacksCompile(t *testing.T) {
	langs := Languages()
	if len(langs) == 0 {
		t.Fatal("no language packs embedded")
	}
	for _, l := range langs {
		if _, err := Get(l); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
}

// TestPacksComplete checks that every pack fills the lists the engine
// relies on, so a new language cannot silently miss a rule.
func TestPacksComplete(t *testing.T) {
	for _, l := range Languages() {
		p, err := Get(l)
		if err != nil {
			t.Fatal(err)
		}
		if p.Lang != l {
			t.Errorf("%s: lang field %q", l, p.Lang)
		}
		for name, n := range map[string]int{
			"triggers.meeting": len(p.Triggers[KindMeeting]), "triggers.summit": len(p.Triggers[KindSummit]),
			"triggers.call": len(p.Triggers[KindCall]), "planned": len(p.Planned), "denied": len(p.Denied),
			"accepted": len(p.Accepted), "hypothetical": len(p.Hypothetical), "again": len(p.Again),
			"background": len(p.Background), "counts": len(p.Counts), "once": len(p.Once),
			"not_count": len(p.NotCount), "numbers": len(p.Numbers), "attribution": len(p.Attribution),
			"pair_refs": len(p.PairRefs), "non_participant": len(p.NonParticipant), "multi": len(p.Multi),
			"weekdays": len(p.Weekdays), "date_patterns": len(p.DatePatterns), "relative_days": len(p.RelativeDays),
		} {
			if n == 0 {
				t.Errorf("%s: %s is empty", l, name)
			}
		}
	}
}

func TestParsePackErrors(t *testing.T) {
	for _, bad := range []string{
		`{`,
		`{"triggers": {"meeting": ["re:("]}}`,
		`{"non_participant": ["letter from"]}`,
		`{"counts": ["* times"]}`,
	} {
		if _, err := ParsePack([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if _, err := Get("xx"); err == nil {
		t.Error("Get(xx): no error")
	}
}
