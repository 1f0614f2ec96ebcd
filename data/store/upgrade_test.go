package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// TestUpgradeNotice: opening a session written at an older schema calls the
// notice once, before updating; a current or new session does not.
func TestUpgradeNotice(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "old.parley")
	otherSQLite(t, old, ms[0].sql+fmt.Sprintf("; PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, ms[0].version))
	tests := []struct {
		name, path string
		want       [][2]int
	}{
		{"older schema", old, [][2]int{{ms[0].version, SchemaVersion()}}},
		{"now current", old, nil},
		{"new session", filepath.Join(dir, "new.parley"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got [][2]int
			ctx := WithUpgradeNotice(context.Background(), func(from, to int) { got = append(got, [2]int{from, to}) })
			db, err := Open(ctx, tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("notices %v, want %v", got, tc.want)
			}
			var v int
			if err := db.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
				t.Errorf("schema %d (%v), want %d", v, err, SchemaVersion())
			}
		})
	}
}
