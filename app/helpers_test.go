package app

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateAndEndOfDay(t *testing.T) {
	tests := []struct {
		in       string
		from, to string // "" = zero; "err" = rejected
	}{
		{"", "", ""},
		{"2023-07-27", "2023-07-27T00:00:00", "2023-07-27T23:59:59"},
		{" 2023-07 ", "2023-07-01T00:00:00", "2023-07-31T23:59:59"},
		{"2024", "2024-01-01T00:00:00", "2024-12-31T23:59:59"},
		{"27 July 2023", "err", "err"},
		{"2023-13-01", "err", "err"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDate(tt.in)
			if tt.from == "err" {
				if err == nil {
					t.Fatalf("parseDate(%q) accepted", tt.in)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f := func(x time.Time) string {
				if x.IsZero() {
					return ""
				}
				return x.Format("2006-01-02T15:04:05")
			}
			if f(got) != tt.from || f(endOfDay(tt.in, got)) != tt.to {
				t.Errorf("%q → %q … %q", tt.in, f(got), f(endOfDay(tt.in, got)))
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-07-27", "2023-07", "2024", "", "27 July", "２０２３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s)
		if err != nil {
			return
		}
		if e := endOfDay(s, d); !d.IsZero() && !e.After(d) {
			t.Fatalf("%q: end %v not after start %v", s, e, d)
		}
	})
}

// BenchmarkReaderSegments cuts a long article (about 60 KB, 2,000 mentions)
// into highlighted segments, as the reader does on every open.
func BenchmarkReaderSegments(b *testing.B) {
	sentence := "North Korean leader Kim Jong Un met Russian Defence Minister Sergei Shoigu four times. "
	text := strings.Repeat(sentence, 700)
	var mentions, meetings [][2]int
	for i := 0; i < 700; i++ {
		base := i * len(sentence)
		mentions = append(mentions, [2]int{base + 20, base + 31}, [2]int{base + 61, base + 74})
		meetings = append(meetings, [2]int{base, base + len(sentence) - 1})
	}
	for b.Loop() {
		readerSegments(text, mentions, meetings, &[2]int{len(sentence) * 10, len(sentence) * 11})
	}
}
