package main

import "testing"

func TestReadMeta(t *testing.T) {
	m := readMeta(fyneAppTOML)
	if m.id == "" || m.version == "" || m.version == "dev" || m.build < 1 {
		t.Fatalf("FyneApp.toml gives id %q version %q build %d", m.id, m.version, m.build)
	}
	got := readMeta("[Details]\n  ID = \"a.b\"\n  Version = \"1.2.3\"\n  Build = 7\n[Other]\n  Version = \"9\"\n")
	if got != (appMeta{"a.b", "1.2.3", 7}) {
		t.Fatalf("readMeta = %+v", got)
	}
}
