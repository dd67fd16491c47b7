package archive

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strings"
	"time"

	"boussole/internal/cleantext"
)

// Limits bound what reading an archive may cost, since the file may come from anywhere: the bytes all its
// files decompress to together, and how many files it holds.
type Limits struct {
	Bytes   int64
	Entries int
}

// DefaultLimits allow a large workspace (attachments of 20 Mo each) while refusing a zip bomb early.
var DefaultLimits = Limits{Bytes: 4 << 30, Entries: 200_000}

// reader reads the files of one archive within a budget of decompressed bytes.
type reader struct {
	files  map[string]*zip.File
	budget int64
	limit  int64
}

// Read reads and checks an archive: its format and version, its schema, every row against the schema,
// and the files of the binary values. It refuses, with a French message naming the file and line, an
// archive that is not a zip or is truncated, is of a newer version, names a path outside the archive's
// folders, decompresses beyond the limits, or holds a row that does not match its schema.
func Read(r io.ReaderAt, size int64, lim Limits) (*Archive, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, errors.New("le fichier n'est pas une archive zip lisible : il est peut-être tronqué ou abîmé")
	}
	if len(zr.File) > lim.Entries {
		return nil, fmt.Errorf("l'archive contient %d fichiers, au-delà des %d admis : refusée", len(zr.File), lim.Entries)
	}
	rd := &reader{files: map[string]*zip.File{}, budget: lim.Bytes, limit: lim.Bytes}
	var declared uint64
	for _, f := range zr.File {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
		if _, dup := rd.files[f.Name]; dup {
			return nil, fmt.Errorf("l'archive contient deux fois le fichier %s : refusée", f.Name)
		}
		rd.files[f.Name] = f
		declared += f.UncompressedSize64
		if declared > uint64(lim.Bytes) {
			return nil, rd.tooLarge()
		}
	}
	a := &Archive{Rows: map[string][]Row{}}
	if err := rd.readJSON(ManifestFile, &a.Manifest); err != nil {
		return nil, err
	}
	if err := checkManifest(a.Manifest); err != nil {
		return nil, err
	}
	var sf schemaFile
	if err := rd.readJSON(SchemaFile, &sf); err != nil {
		return nil, err
	}
	if err := checkSchema(sf.Tables, a.Manifest); err != nil {
		return nil, err
	}
	a.Tables = sf.Tables
	for i, t := range a.Tables {
		rows, err := rd.readRows(t)
		if err != nil {
			return nil, err
		}
		if want := a.Manifest.Tables[i].Rows; len(rows) != want {
			return nil, &RowError{Table: t.Name, Err: fmt.Errorf("%d lignes au lieu des %d que le manifeste annonce (archive tronquée ?)", len(rows), want)}
		}
		a.Rows[t.Name] = rows
	}
	return a, nil
}

// checkName refuses a path that could escape a folder if anyone unpacked the archive, or that the format
// does not use.
func checkName(name string) error {
	bad := name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.Contains(name, "\x00") ||
		path.Clean(name) != name || strings.HasPrefix(name, "../") || name == ".." || strings.Contains(name, ":")
	if bad {
		return fmt.Errorf("l'archive contient un chemin non admis (%q) : refusée", name)
	}
	if name != ManifestFile && name != SchemaFile && !strings.HasPrefix(name, RowsDir) && !strings.HasPrefix(name, FilesDir) {
		return fmt.Errorf("l'archive contient un fichier inattendu (%s) : ce n'est pas une archive d'espace Boussole", name)
	}
	return nil
}

func checkManifest(m Manifest) error {
	if m.Format != Format {
		return fmt.Errorf("%s : ce n'est pas une archive d'espace Boussole (format « %s »)", ManifestFile, m.Format)
	}
	if m.Version > Version {
		return fmt.Errorf("%s : l'archive est au format n° %d, plus récent que le n° %d que cette version de Boussole sait lire : mettez Boussole à jour avant d'importer",
			ManifestFile, m.Version, Version)
	}
	if m.Version < 1 {
		return fmt.Errorf("%s : numéro de format absent ou invalide (%d)", ManifestFile, m.Version)
	}
	if m.Authority.Slug == "" {
		return fmt.Errorf("%s : l'espace exporté n'est pas nommé", ManifestFile)
	}
	return nil
}

var knownKinds = map[string]bool{KindInteger: true, KindText: true, KindTimestamp: true, KindDate: true, KindBoolean: true, KindReal: true, KindBlob: true}

// checkSchema makes sure the schema names only plain identifiers and known kinds, and lists the tables
// the manifest lists, in the same order.
func checkSchema(tables []*Table, m Manifest) error {
	if len(tables) != len(m.Tables) {
		return fmt.Errorf("%s décrit %d tables, le manifeste en annonce %d", SchemaFile, len(tables), len(m.Tables))
	}
	for i, t := range tables {
		if t == nil || !identifier.MatchString(t.Name) {
			return fmt.Errorf("%s : table n° %d au nom invalide", SchemaFile, i+1)
		}
		if m.Tables[i].Name != t.Name || m.Tables[i].File != t.File() {
			return fmt.Errorf("%s : la table n° %d est « %s », le manifeste annonce « %s »", SchemaFile, i+1, t.Name, m.Tables[i].Name)
		}
		seen := map[string]bool{}
		for _, c := range t.Columns {
			if !identifier.MatchString(c.Name) || seen[c.Name] {
				return fmt.Errorf("%s : table %s, colonne au nom invalide ou en double (%q)", SchemaFile, t.Name, c.Name)
			}
			if !knownKinds[c.Kind] {
				return fmt.Errorf("%s : table %s, colonne %s d'un type inconnu (%q)", SchemaFile, t.Name, c.Name, c.Kind)
			}
			seen[c.Name] = true
		}
	}
	return nil
}

func (rd *reader) tooLarge() error {
	return fmt.Errorf("l'archive se décompresse au-delà de %d Mo : refusée (archive piégée ou trop grande)", rd.limit>>20)
}

// open returns one file's bytes, counted against the budget as they decompress, whatever size the archive
// declares for it.
func (rd *reader) open(name string) ([]byte, error) {
	f, ok := rd.files[name]
	if !ok {
		return nil, fmt.Errorf("le fichier %s manque dans l'archive (archive tronquée ?)", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s : illisible (%s)", name, frenchZipError(err))
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, rd.budget+1))
	if int64(len(data)) > rd.budget {
		return nil, rd.tooLarge()
	}
	if err != nil {
		return nil, fmt.Errorf("%s : illisible (%s)", name, frenchZipError(err))
	}
	rd.budget -= int64(len(data))
	return data, nil
}

func frenchZipError(err error) string {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "somme de contrôle fausse : fichier abîmé"
	case errors.Is(err, zip.ErrAlgorithm):
		return "méthode de compression non prise en charge"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "données tronquées"
	}
	return "données compressées invalides"
}

func (rd *reader) readJSON(name string, v any) error {
	data, err := rd.open(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s : JSON invalide (%s)", name, jsonReason(err))
	}
	return nil
}

func jsonReason(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("erreur de syntaxe au caractère %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("le champ %s n'a pas le bon type", typ.Field)
	}
	return "contenu inattendu"
}

// readRows reads a table's file, one row a line, checking each value against its column.
func (rd *reader) readRows(t *Table) ([]Row, error) {
	data, err := rd.open(t.File())
	if err != nil {
		return nil, err
	}
	var rows []Row
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			// Rows are numbered by their line, in this file and in the messages of import: no gaps.
			return nil, &RowError{Table: t.Name, Line: line, Err: errors.New("ligne vide")}
		}
		row, err := rd.decodeRow(t, sc.Bytes())
		if err != nil {
			return nil, &RowError{Table: t.Name, Line: line, Err: err}
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

func (rd *reader) decodeRow(t *Table, line []byte) (Row, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("JSON invalide (%s)", jsonReason(err))
	}
	row := make(Row, len(t.Columns))
	for name := range raw {
		if _, ok := t.Column(name); !ok {
			return nil, fmt.Errorf("la colonne « %s » n'est pas dans la description de la table (%s)", name, SchemaFile)
		}
	}
	for _, c := range t.Columns {
		v, err := rd.decodeValue(c, raw[c.Name])
		if err != nil {
			return nil, fmt.Errorf("colonne %s : %w", c.Name, err)
		}
		if v == nil && c.NotNull {
			return nil, fmt.Errorf("colonne %s : valeur obligatoire absente", c.Name)
		}
		row[c.Name] = v
	}
	return row, nil
}

func (rd *reader) decodeValue(c Column, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch c.Kind {
	case KindInteger:
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return i, nil
			}
		}
		return nil, fmt.Errorf("un nombre entier est attendu, pas %s", shown(v))
	case KindReal:
		if n, ok := v.(json.Number); ok {
			if f, err := n.Float64(); err == nil && !math.IsInf(f, 0) {
				return f, nil
			}
		}
		return nil, fmt.Errorf("un nombre est attendu, pas %s", shown(v))
	case KindBoolean:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, fmt.Errorf("true ou false est attendu, pas %s", shown(v))
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("un texte est attendu, pas %s", shown(v))
	}
	switch c.Kind {
	case KindTimestamp:
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, fmt.Errorf("un horodatage RFC 3339 est attendu, pas %q", s)
		}
		return t.UTC(), nil
	case KindDate:
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return nil, fmt.Errorf("une date AAAA-MM-JJ est attendue, pas %q", s)
		}
		return t, nil
	case KindBlob:
		if !strings.HasPrefix(s, FilesDir) {
			return nil, fmt.Errorf("le chemin d'un fichier sous %s est attendu, pas %q", FilesDir, s)
		}
		return rd.open(s)
	}
	// Text is cleaned as every import is (cleantext): unchanged when it came from Boussole, and a crafted
	// archive cannot bring in what would break a page, a figure or a document.
	return cleantext.String(s), nil
}

// shown quotes a JSON value for a message, cut short.
func shown(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}
