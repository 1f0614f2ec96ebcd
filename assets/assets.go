// Package assets embeds Parley's data: the gazetteer, the language packs,
// the sample corpus and the icon.
package assets

import "embed"

// FS holds every embedded asset. Paths: gazetteer/*.jsonl, lang/*.json,
// sample/*, icon.png, icon.svg.
//
//go:embed gazetteer lang sample icon.png icon.svg
var FS embed.FS

// IconPNG is the application icon (512×512), for the window and the packages.
//
//go:embed icon.png
var IconPNG []byte
