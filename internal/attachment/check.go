// Package attachment checks uploaded documents and keeps their bytes on disk, for any record that carries
// a file: a partnership's agreement, a document, the evidence of an indicator's measurement. It knows
// nothing of HTTP nor of the database; the store records who owns which file.
package attachment

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"boussole/internal/ziplimit"
)

// MaxSize is the largest accepted file: a scanned, signed charter of a few dozen pages fits.
const MaxSize = 20 << 20

// MaxUnzipped bounds what a zipped document (ODT, ODS, DOCX, XLSX) may expand to: ten times the largest
// upload, far above any real document, far below what a « zip bomb » unpacks to.
const MaxUnzipped = 10 * MaxSize

// maxNameRunes bounds the kept file name; longer names are cut before the extension.
const maxNameRunes = 150

// Kind is an accepted document kind, recognised from the content.
type Kind struct {
	MediaType string
	Ext       string // with the dot, added to a name that lacks it
	Label     string // in French
}

// The accepted kinds.
var (
	PDF  = Kind{"application/pdf", ".pdf", "PDF"}
	ODT  = Kind{"application/vnd.oasis.opendocument.text", ".odt", "texte OpenDocument"}
	ODS  = Kind{"application/vnd.oasis.opendocument.spreadsheet", ".ods", "tableur OpenDocument"}
	DOCX = Kind{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "document Word"}
	XLSX = Kind{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "classeur Excel"}
	PNG  = Kind{"image/png", ".png", "image PNG"}
	JPEG = Kind{"image/jpeg", ".jpg", "image JPEG"}
)

// Refusal is why a file was refused, as a French sentence shown next to the file field.
type Refusal struct{ Message string }

func (r Refusal) Error() string { return r.Message }

// The refusals of Check.
var (
	ErrEmpty    = Refusal{"Le fichier est vide : choisissez le document à joindre."}
	ErrTooLarge = Refusal{"Ce fichier dépasse la taille maximale de 20 Mo : réduisez-le (par exemple en numérisant en 150 ppp) ou joignez un extrait."}
	ErrBomb     = Refusal{"Ce document se décompresserait en plus de 200 Mo : il est refusé par prudence. Enregistrez-le de nouveau (ou en PDF) depuis votre logiciel, puis joignez-le."}
	ErrNotDoc   = Refusal{"Ce fichier n'est pas un document accepté : PDF, ODT, DOCX ou image (PNG, JPEG) ; les tableurs ODS et XLSX sont aussi acceptés."}
)

// Checked is an upload that passed the checks, with the kind found in its content and a safe file name.
type Checked struct {
	Name string
	Kind Kind
	Data []byte
}

// Check recognises data's kind from its content (the name's extension is not trusted) and returns a file
// name fit to be shown and offered on download: no directory, no control character, and ending with the
// kind's extension so the file opens with the right program whatever it was called.
func Check(name string, data []byte) (Checked, error) {
	if len(data) == 0 {
		return Checked{}, ErrEmpty
	}
	if len(data) > MaxSize {
		return Checked{}, ErrTooLarge
	}
	k, ok := Detect(data)
	if !ok {
		return Checked{}, ErrNotDoc
	}
	if bytes.HasPrefix(data, []byte("PK")) {
		if err := ziplimit.Check(data, MaxUnzipped); errors.Is(err, ziplimit.ErrTooLarge) || errors.Is(err, ziplimit.ErrTooManyEntries) {
			return Checked{}, ErrBomb
		} else if err != nil {
			return Checked{}, ErrNotDoc
		}
	}
	return Checked{Name: CleanName(name, k), Kind: k, Data: data}, nil
}

// Detect recognises an accepted kind from the first bytes and, for the zipped office formats, from the
// archive's declaration of what it holds.
func Detect(data []byte) (Kind, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return PDF, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG, true
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return detectZip(data)
	}
	return Kind{}, false
}

// maxManifest bounds how much of a declaration entry is read, so a crafted archive cannot inflate in memory.
const maxManifest = 1 << 20

// detectZip reads an OpenDocument's mimetype entry or an Office Open XML's [Content_Types].xml. Macro-enabled
// variants declare other types and are refused.
func detectZip(data []byte) (Kind, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Kind{}, false
	}
	for _, f := range zr.File {
		switch f.Name {
		case "mimetype":
			switch strings.TrimSpace(readEntry(f)) {
			case ODT.MediaType:
				return ODT, true
			case ODS.MediaType:
				return ODS, true
			}
			return Kind{}, false
		case "[Content_Types].xml":
			types := readEntry(f)
			switch {
			case strings.Contains(types, DOCX.MediaType+".main+xml"):
				return DOCX, true
			case strings.Contains(types, XLSX.MediaType+".main+xml"):
				return XLSX, true
			}
			return Kind{}, false
		}
	}
	return Kind{}, false
}

func readEntry(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, maxManifest))
	return string(b)
}

// CleanName keeps the last element of a name sent by a browser (some send a whole Windows path), drops
// control and invisible characters, shortens it, and makes it end with the kind's extension.
func CleanName(name string, k Kind) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '/' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(strings.Trim(name, "."))
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	if lower := strings.ToLower(ext); lower != k.Ext && !(k == JPEG && lower == ".jpeg") {
		base, ext = name, k.Ext
	}
	if base == "" {
		base = "document"
	}
	if r := []rune(base); len(r) > maxNameRunes {
		base = strings.TrimSpace(string(r[:maxNameRunes]))
	}
	return base + ext
}
