package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"sync"
	"time"

	"parley/assets"
	"parley/data/extract"
	"parley/data/ingest"
	"parley/data/store"
)

// ExtractorVersion is recorded with every article's extraction; bump it
// when extraction changes so sessions can offer to re-extract.
const ExtractorVersion = "1"

// batchSize is how many articles one transaction stores.
const batchSize = 256

type job struct {
	idx  int
	path string
	raw  []byte // set for documents that do not come from disk
}

type done struct {
	job
	doc ingest.Document
	res extract.Result
	err error
}

// Import imports files and folders (recursively) into the session. Each
// file is stored whole, with its extraction, or not at all; one bad file
// gets a reason and the rest carries on. progress, when not nil, gets one
// event per file (from this goroutine). Cancelling ctx stops the import
// and keeps what was stored; the report then says Canceled.
func (s *Session) Import(ctx context.Context, paths []string, progress func(ImportEvent)) (ImportReport, error) {
	var jobs []job
	var rep ImportReport
	var walkFailed []ImportEvent
	err := ingest.Walk(ctx, paths, func(p string, err error) error {
		if err != nil {
			walkFailed = append(walkFailed, ImportEvent{Path: p, Status: Failed, Reason: reason(err)})
			return nil
		}
		jobs = append(jobs, job{idx: len(jobs), path: p})
		return nil
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		return rep, fmt.Errorf("reading the folders to import: %w", err)
	}
	return s.run(ctx, jobs, walkFailed, progress, func(ctx context.Context, j job) (ingest.Document, error) {
		return loadDoc(ctx, j.path)
	})
}

func reason(err error) string {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return fe.Reason
	}
	return err.Error()
}

// run is the import pipeline: parallel load+extract workers, one writer
// that stores batches in transactions.
func (s *Session) run(ctx context.Context, jobs []job, pre []ImportEvent, progress func(ImportEvent), load func(context.Context, job) (ingest.Document, error)) (ImportReport, error) {
	var rep ImportReport
	total := len(jobs) + len(pre)
	emit := func(ev ImportEvent) {
		rep.Files = append(rep.Files, ev)
		switch ev.Status {
		case Imported:
			rep.Imported++
		case Duplicate:
			rep.Duplicates++
		case Failed:
			rep.Failed++
		}
		ev.Done, ev.Total = len(rep.Files), total
		if progress != nil {
			progress(ev)
		}
	}
	for _, ev := range pre {
		emit(ev)
	}
	ex, err := Engine()
	if err != nil {
		return rep, err
	}
	in := make(chan job)
	out := make(chan done, batchSize)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				d := done{job: j}
				d.doc, d.err = load(ctx, j)
				if d.err == nil {
					d.res, d.err = safeExtract(ctx, ex, d.doc)
				}
				out <- d
			}
		}()
	}
	go func() {
		defer close(in)
		for _, j := range jobs {
			select {
			case in <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	var batch []done
	var writeErr error
	flush := func() {
		if len(batch) == 0 || writeErr != nil {
			return
		}
		items := make([]store.NewArticle, len(batch))
		for i, d := range batch {
			items[i] = store.NewArticle{Doc: d.doc, Result: d.res, Version: ExtractorVersion}
		}
		// a batch already extracted is stored even when the import is being cancelled
		ins, err := s.InsertArticles(context.WithoutCancel(ctx), items)
		if err != nil {
			writeErr = err
			for _, d := range batch {
				emit(ImportEvent{Path: d.path, Status: Failed, Reason: err.Error()})
			}
			batch = batch[:0]
			return
		}
		for i, d := range batch {
			st := Imported
			if ins[i].Duplicate {
				st = Duplicate
			}
			emit(ImportEvent{Path: d.path, Status: st, ArticleID: ins[i].ID})
		}
		batch = batch[:0]
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
loop:
	for {
		select {
		case d, ok := <-out:
			if !ok {
				break loop
			}
			if ctx.Err() != nil {
				// cancelled: what is stored stays, nothing more is stored
				// (workers still finishing their file are drained)
				continue
			}
			if d.err != nil {
				emit(ImportEvent{Path: d.path, Status: Failed, Reason: reason(d.err)})
				continue
			}
			batch = append(batch, d)
			if len(batch) >= batchSize {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
	flush()
	rep.Canceled = ctx.Err() != nil
	if writeErr != nil {
		return rep, writeErr
	}
	return rep, nil
}

// safeExtract turns a panic in extraction into a per-file error, so one
// pathological article cannot take the import down.
func safeExtract(ctx context.Context, ex *extract.Extractor, doc ingest.Document) (res extract.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extraction failed on this file (%v); please report it", r)
		}
	}()
	return ex.Extract(ctx, doc)
}

// Reextract runs extraction again over every stored article, keeping the
// analyst's edits. progress gets (done, total).
func (s *Session) Reextract(ctx context.Context, progress func(done, total int)) error {
	ex, err := Engine()
	if err != nil {
		return err
	}
	total, err := s.CountArticles(ctx, ArticleFilter{})
	if err != nil {
		return err
	}
	n := 0
	return s.EachArticle(ctx, func(a store.ArticleText) error {
		doc := ingest.Document{Path: a.Path, Format: a.Format, Encoding: a.Encoding, Hash: a.Hash, Title: a.Title,
			Outlet: a.Outlet, Date: a.Date, Dateline: a.Dateline, Lang: a.Lang, Text: a.Text, Size: a.Size}
		res, err := safeExtract(ctx, ex, doc)
		if err != nil {
			return fmt.Errorf("re-extracting %s: %w", a.Path, err)
		}
		if err := s.ReplaceExtraction(ctx, a.ID, res, ExtractorVersion); err != nil {
			return err
		}
		n++
		if progress != nil {
			progress(n, total)
		}
		return nil
	})
}

// ImportFS imports every article file under dir of an fs.FS (the embedded
// sample corpus, for one).
func (s *Session) ImportFS(ctx context.Context, fsys fs.FS, dir string, progress func(ImportEvent)) (ImportReport, error) {
	var jobs []job
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Ext(p) {
		case ".txt", ".md", ".html", ".htm":
			raw, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			jobs = append(jobs, job{idx: len(jobs), path: p, raw: raw})
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, fmt.Errorf("reading the sample corpus: %w", err)
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].path < jobs[j].path })
	return s.run(ctx, jobs, nil, progress, func(_ context.Context, j job) (ingest.Document, error) {
		return ingest.Parse(j.path, j.raw)
	})
}

// SampleDir is the folder of the embedded sample corpus in assets.FS.
const SampleDir = "sample/articles"

// BuildSample creates (or refreshes) a session at path from the sample
// corpus Parley ships, so a newcomer sees a comparison at once.
func BuildSample(ctx context.Context, path string, progress func(ImportEvent)) (*Session, ImportReport, error) {
	s, err := Open(ctx, path)
	if err != nil {
		return nil, ImportReport{}, err
	}
	rep, err := s.ImportFS(ctx, assets.FS, SampleDir, progress)
	if err != nil {
		s.Close()
		return nil, rep, err
	}
	return s, rep, nil
}

// MergeSession brings another session's articles and edits into this one,
// without duplicates. The other file is only read.
func (s *Session) MergeSession(ctx context.Context, otherPath string) (MergeReport, error) {
	var rep MergeReport
	other, err := store.OpenReadOnly(ctx, otherPath)
	if err != nil {
		return rep, err
	}
	defer other.Close()
	if rep.Edits, err = s.CopyEditsFrom(ctx, other); err != nil {
		return rep, err
	}
	var docs []ingest.Document
	err = other.EachArticle(ctx, func(a store.ArticleText) error {
		docs = append(docs, ingest.Document{Path: a.Path, Format: a.Format, Encoding: a.Encoding, Hash: a.Hash, Title: a.Title,
			Outlet: a.Outlet, Date: a.Date, Dateline: a.Dateline, Lang: a.Lang, Text: a.Text, Size: a.Size})
		return nil
	})
	if err != nil {
		return rep, err
	}
	jobs := make([]job, len(docs))
	for i, d := range docs {
		jobs[i] = job{idx: i, path: d.Path}
	}
	ir, err := s.run(ctx, jobs, nil, nil, func(_ context.Context, j job) (ingest.Document, error) { return docs[j.idx], nil })
	rep.Articles, rep.Duplicates = ir.Imported, ir.Duplicates
	return rep, err
}
