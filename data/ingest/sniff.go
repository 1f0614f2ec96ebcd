package ingest

import (
	"bytes"
	"encoding/binary"
)

// magic is one binary file signature.
type magic struct {
	offset int
	sig    []byte
	kind   string
}

// magics lists signatures of common non-text formats that end up in article
// folders by mistake. Order matters only where signatures share a prefix.
var magics = []magic{
	{0, []byte("%PDF-"), "PDF"},
	{0, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "old Office document"},
	{0, []byte("\x89PNG\r\n\x1A\n"), "PNG image"},
	{0, []byte("\xFF\xD8\xFF"), "JPEG image"},
	{0, []byte("GIF87a"), "GIF image"},
	{0, []byte("GIF89a"), "GIF image"},
	{0, []byte("\x7FELF"), "ELF executable"},
	{0, []byte("Rar!\x1A\x07"), "RAR archive"},
	{0, []byte("7z\xBC\xAF\x27\x1C"), "7-Zip archive"},
	{0, []byte("\x1F\x8B\x08"), "gzip archive"},
	{0, []byte("\xFD7zXZ\x00"), "xz archive"},
	{0, []byte("\x28\xB5\x2F\xFD"), "zstd archive"},
	{0, []byte("SQLite format 3\x00"), "SQLite database"},
	{0, []byte("\xCA\xFE\xBA\xBE"), "executable"},
	{0, []byte("\xFE\xED\xFA\xCE"), "executable"},
	{0, []byte("\xFE\xED\xFA\xCF"), "executable"},
	{0, []byte("\xCE\xFA\xED\xFE"), "executable"},
	{0, []byte("\xCF\xFA\xED\xFE"), "executable"},
	{0, []byte("\x00asm"), "WebAssembly module"},
	{0, []byte("OggS\x00"), "Ogg media"},
	{0, []byte("fLaC"), "FLAC audio"},
	{0, []byte("ID3"), "MP3 audio"},
	{0, []byte("II*\x00"), "TIFF image"},
	{0, []byte("MM\x00*"), "TIFF image"},
	{0, []byte("wOFF"), "font"},
	{0, []byte("wOF2"), "font"},
	{0, []byte("\x1A\x45\xDF\xA3"), "Matroska/WebM video"},
	{0, []byte("{\\rtf"), "RTF document"},
	{4, []byte("ftyp"), "MP4/QuickTime media"},
}

// sniffBinary reports a short, user-facing kind ("PDF", "ZIP archive",
// "Word document", ...) when raw is a known binary format or looks binary by
// its share of NUL and control bytes. It returns "" for text.
func sniffBinary(raw []byte) string {
	if hasTextBOM(raw) {
		return ""
	}
	for _, m := range magics {
		if len(raw) >= m.offset+len(m.sig) && bytes.Equal(raw[m.offset:m.offset+len(m.sig)], m.sig) {
			return m.kind
		}
	}
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) || bytes.HasPrefix(raw, []byte("PK\x05\x06")) {
		return zipKind(raw)
	}
	if bytes.HasPrefix(raw, []byte("RIFF")) && len(raw) >= 12 {
		switch string(raw[8:12]) {
		case "WEBP":
			return "WebP image"
		case "WAVE":
			return "WAV audio"
		case "AVI ":
			return "AVI video"
		}
	}
	if bytes.HasPrefix(raw, []byte("BM")) && len(raw) >= 26 {
		// BMP: the header's file size field matches and the reserved words are 0.
		if int(binary.LittleEndian.Uint32(raw[2:6])) == len(raw) && binary.LittleEndian.Uint32(raw[6:10]) == 0 {
			return "BMP image"
		}
	}
	if bytes.HasPrefix(raw, []byte("MZ")) && len(raw) >= 0x40 {
		off := int(binary.LittleEndian.Uint32(raw[0x3C:0x40]))
		if off > 0 && off+4 <= len(raw) && bytes.Equal(raw[off:off+4], []byte("PE\x00\x00")) {
			return "Windows executable"
		}
	}
	if looksUTF16(raw) != "" {
		return ""
	}
	// Ratio test on a sample: NUL bytes and C0 controls other than the usual
	// whitespace (and ESC, used by ISO-2022 encodings) do not occur in text.
	sample := raw
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	var nul, ctl int
	for _, c := range sample {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B:
			ctl++
		case c == 0x7F:
			ctl++
		}
	}
	n := len(sample)
	if n == 0 {
		return ""
	}
	if nul*100 > n || (nul+ctl)*100 > 5*n {
		return "unknown format"
	}
	return ""
}

// zipKind names a ZIP container by the entry names in its first local header
// and central directory (Office Open XML, OpenDocument, EPUB).
func zipKind(raw []byte) string {
	head := raw
	if len(head) > 1<<20 {
		head = head[:1<<20]
	}
	switch {
	case bytes.Contains(head, []byte("word/")):
		return "Word document"
	case bytes.Contains(head, []byte("xl/")):
		return "Excel spreadsheet"
	case bytes.Contains(head, []byte("ppt/")):
		return "PowerPoint presentation"
	case bytes.Contains(head, []byte("application/epub+zip")):
		return "EPUB book"
	case bytes.Contains(head, []byte("application/vnd.oasis.opendocument")):
		return "OpenDocument file"
	}
	return "ZIP archive"
}

// hasTextBOM reports a UTF-8, UTF-16 or UTF-32 byte order mark.
func hasTextBOM(raw []byte) bool {
	return bytes.HasPrefix(raw, bomUTF8) || bytes.HasPrefix(raw, bomUTF16LE) || bytes.HasPrefix(raw, bomUTF16BE)
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// looksUTF16 detects BOM-less UTF-16 text that is mostly ASCII: NUL bytes
// sit almost exclusively on one parity. It returns "utf-16le", "utf-16be" or "".
func looksUTF16(raw []byte) string {
	n := len(raw)
	if n > 4096 {
		n = 4096
	}
	n &^= 1
	if n < 8 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			even++
		}
		if raw[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*6 && even*20 <= pairs:
		return "utf-16le"
	case even*10 >= pairs*6 && odd*20 <= pairs:
		return "utf-16be"
	}
	return ""
}
