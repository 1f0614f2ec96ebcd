package entity

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestRecognizeConcurrent runs Recognize from several goroutines at once
// (as the import pipeline does) and checks every result against a
// sequential run; with -race it also checks the shared caches and pools.
func TestRecognizeConcurrent(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type job struct {
		text, lang string
		date       time.Time
	}
	jobs := []job{
		{"Kim Jong-un met Sergei Shoigu. Kim thanked Shoigu and Adrian Volkerson.", "en", day("2023-07-28")},
		{"Ким Чен Ын встретился с Сергеем Шойгу. Министр обороны России прибыл.", "ru", day("2023-07-28")},
		{"尹, 시진핑과 회담. 김 위원장은 웃었다.", "ko", day("2023-07-28")},
		{"岸田首相は金正恩（キム・ジョンウン）氏と会談した。", "ja", day("2023-11-17")},
		{"朝鲜最高领导人会见了绍伊古。", "zh", day("2023-07-27")},
		{"Nordkoreas Machthaber Kim traf Schoigu.", "de", day("2023-07-28")},
	}
	for _, cd := range loadCorpusIfAny(t) {
		jobs = append(jobs, job{cd.text, cd.gold.Lang, cd.date})
	}
	render := func(j job) string {
		ents, ments := r.Recognize(j.text, j.lang, j.date)
		return fmt.Sprint(ents, ments)
	}
	want := make([]string, len(jobs))
	for i, j := range jobs {
		want[i] = render(j)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(jobs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range jobs {
				i := (k + g*7) % len(jobs)
				if got := render(jobs[i]); got != want[i] {
					errs <- fmt.Sprintf("goroutine %d, job %d (%s): result differs from the sequential run", g, i, jobs[i].lang)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
