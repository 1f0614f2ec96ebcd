package cli

import (
	"context"
	"fmt"
	"time"

	"parley/data/gazetteer"
	"parley/data/gen"
)

// runGen writes a deterministic synthetic corpus for benchmarks (hidden:
// it is not listed by Usage).
func runGen(ctx context.Context, env Env, args []string) error {
	f := newFlags(env, "gen")
	seed := f.Uint64("seed", 1, "seed: the same seed and size give the same corpus")
	n := f.Int("n", 1000, "number of articles")
	out := f.String("out", "", "folder to write the articles to")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *out == "" || *n <= 0 {
		return fmt.Errorf("%w: give --out DIR and a positive --n", ErrUsage)
	}
	g, err := gazetteer.Default()
	if err != nil {
		return err
	}
	gn, err := gen.New(g, *seed, *n)
	if err != nil {
		return err
	}
	t0 := time.Now()
	size, err := gn.Write(ctx, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%d articles, %.1f MB → %s (%s)\n", *n, float64(size)/1e6, *out, time.Since(t0).Round(time.Millisecond))
	return nil
}
