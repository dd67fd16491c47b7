package archive

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"hash/crc32"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// sample is a small archive with every kind of value, a reference by foreign key, one by kind and one by
// text, and a self-reference.
func sample() *Archive {
	when := time.Date(2026, 3, 4, 10, 11, 12, 345678000, time.UTC)
	day := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	auth := &Table{Name: Authorities, Columns: []Column{{Name: "id", Kind: KindInteger, NotNull: true}, {Name: "slug", Kind: KindText, NotNull: true}},
		PrimaryKey: []string{"id"}, GeneratedID: true}
	users := &Table{Name: Users, Columns: []Column{{Name: "email", Kind: KindText}, {Name: "id", Kind: KindInteger, NotNull: true}},
		PrimaryKey: []string{"id"}, GeneratedID: true}
	notes := &Table{Name: "notes", PrimaryKey: []string{"id"}, GeneratedID: true,
		Columns: []Column{
			{Name: "authority_id", Kind: KindInteger, NotNull: true}, {Name: "author_id", Kind: KindInteger},
			{Name: "body", Kind: KindText, NotNull: true}, {Name: "data", Kind: KindBlob}, {Name: "done", Kind: KindBoolean},
			{Name: "due", Kind: KindDate}, {Name: "file_ref", Kind: KindText}, {Name: "id", Kind: KindInteger, NotNull: true},
			{Name: "parent_id", Kind: KindInteger}, {Name: "score", Kind: KindReal}, {Name: "target_id", Kind: KindInteger},
			{Name: "target_kind", Kind: KindText}, {Name: "written", Kind: KindTimestamp},
		},
		References: []Reference{
			{Column: "authority_id", Table: Authorities}, {Column: "author_id", Table: Users}, {Column: "file_ref", Table: "notes", Text: true},
			{Column: "parent_id", Table: "notes"}, {Column: "target_id", KindColumn: "target_kind", Kinds: map[string]string{"note": "notes"}},
		}}
	return &Archive{
		Manifest: Manifest{Authority: Workspace{Slug: "ville", Name: "Ville"}, Excluded: []Exclusion{{Table: "sessions", Reason: "secret"}}},
		Tables:   []*Table{auth, users, notes},
		Rows: map[string][]Row{
			Authorities: {{"id": int64(7), "slug": "ville"}},
			Users:       {{"id": int64(3), "email": "a@b.fr"}},
			"notes": {
				{"id": int64(10), "authority_id": int64(7), "author_id": int64(3), "body": "Élan « été » 🌍\nligne 2", "data": []byte{0, 1, 2, 255},
					"done": true, "due": day, "file_ref": "", "parent_id": nil, "score": 2.5, "target_id": int64(0), "target_kind": "", "written": when},
				{"id": int64(12), "authority_id": int64(7), "author_id": nil, "body": "réponse", "data": nil, "done": false, "due": nil,
					"file_ref": "10", "parent_id": int64(10), "score": nil, "target_id": int64(10), "target_kind": "note", "written": when},
			},
		},
	}
}

func write(t *testing.T, a *Archive) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(data []byte) (*Archive, error) {
	return Read(bytes.NewReader(data), int64(len(data)), DefaultLimits)
}

func TestWriteThenReadGivesTheSameRows(t *testing.T) {
	a := sample()
	data := write(t, a)
	back, err := read(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.Rows, back.Rows); diff != "" {
		t.Errorf("rows (-written +read):\n%s", diff)
	}
	if back.Manifest.Version != Version || back.Manifest.Format != Format || back.Manifest.Tables[2].Rows != 2 {
		t.Errorf("manifest %+v", back.Manifest)
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if zr.File[0].Name != ManifestFile {
		t.Errorf("the manifest is not first: %s", zr.File[0].Name)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !strings.Contains(strings.Join(names, " "), "fichiers/notes/data/1") {
		t.Errorf("the binary value has no file of its own: %v", names)
	}
}

// TestReadCleansText: a control character or an unclosed override in an archive's text is made safe, as
// in every import.
func TestReadCleansText(t *testing.T) {
	a := sample()
	a.Rows["notes"][1]["body"] = "bip\x07 \u202eà l'envers"
	back, err := read(write(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Rows["notes"][1]["body"]; got != "bip \u202eà l'envers\u202c" {
		t.Errorf("body %q", got)
	}
}

func TestRewriteGivesNewIDs(t *testing.T) {
	a := sample()
	notes := a.Table("notes")
	ids := IDs{}
	ids.Set(Authorities, 7, 70)
	ids.Set(Users, 3, 30)
	first, err := notes.Rewrite(a.Rows["notes"][0], ids)
	if err != nil {
		t.Fatal(err)
	}
	if first["authority_id"] != int64(70) || first["author_id"] != int64(30) || first["target_id"] != int64(0) {
		t.Errorf("first row %v", first)
	}
	ids.Set("notes", 10, 100)
	second, err := notes.Rewrite(a.Rows["notes"][1], ids)
	if err != nil {
		t.Fatal(err)
	}
	if second["parent_id"] != int64(100) || second["target_id"] != int64(100) || second["file_ref"] != "100" {
		t.Errorf("second row %v", second)
	}
	if a.Rows["notes"][1]["parent_id"] != int64(10) {
		t.Error("Rewrite changed the archive's row")
	}
	// A foreign key to a row the archive lacks: NULL when allowed, an error when required; a soft one: none.
	delete(ids["notes"], 10)
	second, err = notes.Rewrite(a.Rows["notes"][1], ids)
	if err != nil || second["parent_id"] != nil || second["target_id"] != int64(0) || second["file_ref"] != "" {
		t.Errorf("dangling references: %v, %v", second, err)
	}
	delete(ids[Authorities], 7)
	var re *ReferenceError
	if _, err := notes.Rewrite(a.Rows["notes"][0], ids); !errors.As(err, &re) || !strings.Contains(err.Error(), "authorities") {
		t.Errorf("a required reference to nothing: %v", err)
	}
}

// TestCanonicalIgnoresIDsOnly: the same content under other IDs compares equal; any other change shows.
func TestCanonicalIgnoresIDsOnly(t *testing.T) {
	a, b := sample(), sample()
	b.Rows[Authorities][0]["id"] = int64(9)
	b.Rows[Users][0]["id"] = int64(5)
	for _, r := range b.Rows["notes"] {
		r["authority_id"] = int64(9)
		r["id"] = r["id"].(int64) + 1000
	}
	b.Rows["notes"][0]["author_id"] = int64(5)
	b.Rows["notes"][1]["parent_id"], b.Rows["notes"][1]["target_id"], b.Rows["notes"][1]["file_ref"] = int64(1010), int64(1010), "1010"
	ca, _ := Canonical(a)
	cb, _ := Canonical(b)
	if diff := cmp.Diff(ca, cb); diff != "" {
		t.Errorf("renumbered copy differs:\n%s", diff)
	}
	for name, change := range map[string]func(r []Row){
		"text":      func(r []Row) { r[0]["body"] = "autre" },
		"bytes":     func(r []Row) { r[0]["data"] = []byte{9} },
		"reference": func(r []Row) { r[1]["parent_id"] = int64(1012) },
		"time":      func(r []Row) { r[0]["written"] = time.Now() },
	} {
		c := sample()
		change(c.Rows["notes"])
		cc, _ := Canonical(c)
		if cmp.Equal(ca, cc) {
			t.Errorf("a change of %s does not show", name)
		}
	}
}

func TestOrderPutsParentsFirst(t *testing.T) {
	a := sample()
	tables := []*Table{a.Tables[2], a.Tables[1], a.Tables[0]}
	out, err := Order(tables)
	if err != nil {
		t.Fatal(err)
	}
	if out[2].Name != "notes" {
		t.Errorf("order %s, %s, %s", out[0].Name, out[1].Name, out[2].Name)
	}
	x := &Table{Name: "x", References: []Reference{{Column: "y_id", Table: "y"}}}
	y := &Table{Name: "y", References: []Reference{{Column: "x_id", Table: "x"}}}
	if _, err := Order([]*Table{x, y}); err == nil {
		t.Error("a cycle is not refused")
	}
}

// rezip rewrites an archive's files through change, which may alter, add or drop them.
func rezip(t *testing.T, data []byte, change func(name string, body []byte) (string, []byte)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		name, body := change(f.Name, b.Bytes())
		if name == "" {
			continue
		}
		w, _ := zw.Create(name)
		_, _ = w.Write(body)
	}
	_ = zw.Close()
	return buf.Bytes()
}

// TestReadRefusesBadArchives feeds corrupt, truncated, newer, hostile and inconsistent archives: each is
// refused with a French message that says where and why.
func TestReadRefusesBadArchives(t *testing.T) {
	good := write(t, sample())
	manifest := func(edit func(m map[string]any)) []byte {
		return rezip(t, good, func(name string, body []byte) (string, []byte) {
			if name == ManifestFile {
				var m map[string]any
				_ = json.Unmarshal(body, &m)
				edit(m)
				body, _ = json.Marshal(m)
			}
			return name, body
		})
	}
	notesLine := func(line string) []byte {
		return rezip(t, good, func(name string, body []byte) (string, []byte) {
			if name == "tables/notes.jsonl" {
				lines := strings.SplitN(string(body), "\n", 2)
				body = []byte(lines[0] + "\n" + line + "\n")
			}
			return name, body
		})
	}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"not a zip": {[]byte("bonjour"), "pas une archive zip"},
		"truncated": {good[:len(good)/2], "pas une archive zip"},
		"empty":     {nil, "pas une archive zip"},
		"newer":     {manifest(func(m map[string]any) { m["version"] = Version + 1 }), "plus récent"},
		"other":     {manifest(func(m map[string]any) { m["format"] = "autre" }), "pas une archive d'espace"},
		"no manifest": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			return map[bool]string{true: "", false: n}[n == ManifestFile], b
		}), "manifeste.json manque"},
		"escaping path": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			if strings.HasPrefix(n, FilesDir) {
				return "fichiers/../../etc/passwd", b
			}
			return n, b
		}), "chemin non admis"},
		"absolute path": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			if strings.HasPrefix(n, FilesDir) {
				return "/etc/passwd", b
			}
			return n, b
		}), "chemin non admis"},
		"unexpected file": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			if strings.HasPrefix(n, FilesDir) {
				return "script.sh", b
			}
			return n, b
		}), "fichier inattendu"},
		"missing file": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			return map[bool]string{true: "", false: n}[strings.HasPrefix(n, FilesDir)], b
		}), "manque dans l'archive"},
		"bad json line":  {notesLine(`{"id": 12, "body": `), "tables/notes.jsonl, ligne 2 (table notes) : JSON invalide"},
		"blank line":     {notesLine(""), "tables/notes.jsonl, ligne 2 (table notes) : ligne vide"},
		"wrong kind":     {notesLine(`{"id": "douze", "authority_id": 7, "body": "x"}`), "ligne 2 (table notes) : colonne id : un nombre entier est attendu"},
		"unknown column": {notesLine(`{"id": 12, "authority_id": 7, "body": "x", "password_hash": "x"}`), "« password_hash » n'est pas dans la description"},
		"missing value":  {notesLine(`{"id": 12, "authority_id": 7}`), "colonne body : valeur obligatoire absente"},
		"bad date":       {notesLine(`{"id": 12, "authority_id": 7, "body": "x", "due": "04/03/2026"}`), "une date AAAA-MM-JJ est attendue"},
		"blob outside":   {notesLine(`{"id": 12, "authority_id": 7, "body": "x", "data": "../secret"}`), "le chemin d'un fichier sous fichiers/"},
		"fewer rows": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			if n == "tables/notes.jsonl" {
				b = []byte(strings.SplitN(string(b), "\n", 2)[0] + "\n")
			}
			return n, b
		}), "1 lignes au lieu des 2"},
		"bad table name": {rezip(t, good, func(n string, b []byte) (string, []byte) {
			if n == SchemaFile {
				b = bytes.Replace(b, []byte(`"name": "notes"`), []byte(`"name": "notes; DROP TABLE users"`), 1)
			}
			return n, b
		}), "au nom invalide"},
	}
	for name, c := range cases {
		_, err := read(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
}

// TestReadBoundsWhatAnArchiveExpandsTo: a zip bomb is refused whether it declares its size or hides it.
func TestReadBoundsWhatAnArchiveExpandsTo(t *testing.T) {
	a := sample()
	a.Rows["notes"][0]["data"] = make([]byte, 5<<20) // zeros: compresses to almost nothing
	data := write(t, a)
	small := Limits{Bytes: 1 << 20, Entries: 100}
	if _, err := Read(bytes.NewReader(data), int64(len(data)), small); err == nil || !strings.Contains(err.Error(), "au-delà de 1 Mo") {
		t.Errorf("declared bomb: %v", err)
	}
	// The same, with the entry's declared size lied about: what comes out past the declared size is refused.
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	_, _ = fw.Write(make([]byte, 5<<20))
	_ = fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: ManifestFile, Method: zip.Deflate, UncompressedSize64: 10,
		CompressedSize64: uint64(raw.Len()), CRC32: crc32.ChecksumIEEE(make([]byte, 10))})
	_, _ = w.Write(raw.Bytes())
	_ = zw.Close()
	if _, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), small); err == nil || !strings.Contains(err.Error(), "manifeste.json : illisible") {
		t.Errorf("a lying archive: %v", err)
	}
	if _, err := Read(bytes.NewReader(data), int64(len(data)), Limits{Bytes: 1 << 30, Entries: 2}); err == nil || !strings.Contains(err.Error(), "fichiers") {
		t.Errorf("too many entries: %v", err)
	}
}
