// Package assets embeds Parley's data: the gazetteer, the language packs,
// the sample corpus and the icon.
package assets

import "embed"

// FS holds every embedded asset. Paths: gazetteer/*.jsonl, lang/*.json,
// sample/*, icon.png, icon.svg.
//
//go:embed gazetteer lang sample
var FS embed.FS
