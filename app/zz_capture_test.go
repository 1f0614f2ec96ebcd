package app

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func save(t *testing.T, w *Workbench, name string) {
	img := w.win.Canvas().Capture()
	f, _ := os.Create("/tmp/shots/cap-" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestZZCapture(t *testing.T) {
	if os.Getenv("CAPTURE") == "" {
		t.Skip()
	}
	w := corpusSession(t)
	w.win.Resize(fyne.NewSize(1280, 800))
	chooseFocus(t, w, "Kim Jong Un", "Kim Jong Un")
	for i, r := range w.compare.Rows() {
		if r.Name == "Sergei Shoigu" {
			w.compare.onCell(cellID(i, ccReported))
		}
	}
	save(t, w, "evidence")
	w.compare.Tick(w.compare.Rows()[2].EntityID, true)
	w.compare.Tick(w.compare.Rows()[5].EntityID, true)
	w.compare.Tick(w.compare.Rows()[6].EntityID, true)
	save(t, w, "side")
	w.compare.lower.SelectIndex(2)
	save(t, w, "byoutlet")
	w.showTab(tabMeetings)
	w.meetings.Select(3)
	for _, o := range test.LaidOutObjects(w.win.Content()) {
		if o.Size().Width < 0 || o.Size().Height < 0 {
			t.Logf("%T %v at %v", o, o.Size(), o.Position())
		}
	}
	save(t, w, "meetings")
	w.onExport()
	save(t, w, "export")
	for _, k := range []string{"png", "html", "csv", "json"} {
		f, _ := os.Create("/tmp/shots/report." + k)
		w.Export(k, f, func(err error) {
			if err != nil {
				t.Error(err)
			}
		})
	}
}
