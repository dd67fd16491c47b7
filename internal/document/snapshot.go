package document

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// SnapshotVersion is the format of Encode's output; Decode refuses any other.
const SnapshotVersion = 1

// storedDoc is a Doc as JSON: blocks become tagged records.
type storedDoc struct {
	Format   int             `json:"format"`
	Kind     Kind            `json:"kind"`
	Title    string          `json:"title"`
	Cover    Cover           `json:"cover"`
	TOC      bool            `json:"toc,omitempty"`
	Compact  bool            `json:"compact,omitempty"`
	Sections []storedSection `json:"sections"`
}

type storedSection struct {
	Key    string        `json:"key,omitempty"`
	Title  string        `json:"title"`
	Blocks []storedBlock `json:"blocks"`
}

type storedBlock struct {
	Type     string     `json:"type"` // heading, paragraph, note, field, list, table, figure
	Level    int        `json:"level,omitempty"`
	Text     string     `json:"text,omitempty"`
	Label    string     `json:"label,omitempty"`
	Items    []string   `json:"items,omitempty"`
	Numbered bool       `json:"numbered,omitempty"`
	Caption  string     `json:"caption,omitempty"`
	Header   []string   `json:"header,omitempty"`
	Rows     [][]string `json:"rows,omitempty"`
	Widths   []float64  `json:"widths,omitempty"`
	SVG      string     `json:"svg,omitempty"`
	Title    string     `json:"title,omitempty"`
	Desc     string     `json:"desc,omitempty"`
	WidthCM  float64    `json:"widthCm,omitempty"`
}

// Encode writes a document as JSON, the form a frozen version is kept in.
func Encode(d Doc) ([]byte, error) {
	sd := storedDoc{Format: SnapshotVersion, Kind: d.Kind, Title: d.Title, Cover: d.Cover, TOC: d.TOC, Compact: d.Compact}
	for _, s := range d.Sections {
		ss := storedSection{Key: s.Key, Title: s.Title, Blocks: []storedBlock{}}
		for _, b := range s.Blocks {
			ss.Blocks = append(ss.Blocks, storeBlock(b))
		}
		sd.Sections = append(sd.Sections, ss)
	}
	return json.Marshal(sd)
}

func storeBlock(b Block) storedBlock {
	switch b := b.(type) {
	case Heading:
		return storedBlock{Type: "heading", Level: b.Level, Text: b.Text}
	case Paragraph:
		return storedBlock{Type: "paragraph", Text: b.Text}
	case Note:
		return storedBlock{Type: "note", Text: b.Text}
	case Field:
		return storedBlock{Type: "field", Label: b.Label, Text: b.Text}
	case List:
		return storedBlock{Type: "list", Items: b.Items, Numbered: b.Numbered}
	case Table:
		return storedBlock{Type: "table", Caption: b.Caption, Header: b.Header, Rows: b.Rows, Widths: b.Widths}
	case Figure:
		return storedBlock{Type: "figure", SVG: string(b.SVG), Title: b.Title, Desc: b.Desc, WidthCM: b.WidthCM}
	}
	return storedBlock{Type: "paragraph"}
}

// ErrSnapshot is returned for a snapshot Decode cannot read.
var ErrSnapshot = errors.New("document: version figée illisible")

// Decode reads what Encode wrote.
func Decode(data []byte) (Doc, error) {
	var sd storedDoc
	if err := json.Unmarshal(data, &sd); err != nil {
		return Doc{}, fmt.Errorf("%w : %v", ErrSnapshot, err)
	}
	if sd.Format != SnapshotVersion {
		return Doc{}, fmt.Errorf("%w : format %d inconnu", ErrSnapshot, sd.Format)
	}
	d := Doc{Kind: sd.Kind, Title: sd.Title, Cover: sd.Cover, TOC: sd.TOC, Compact: sd.Compact}
	for _, ss := range sd.Sections {
		s := Section{Key: ss.Key, Title: ss.Title}
		for _, b := range ss.Blocks {
			blk, err := loadBlock(b)
			if err != nil {
				return Doc{}, err
			}
			s.Blocks = append(s.Blocks, blk)
		}
		d.Sections = append(d.Sections, s)
	}
	return d, nil
}

func loadBlock(b storedBlock) (Block, error) {
	switch b.Type {
	case "heading":
		return Heading{Level: b.Level, Text: b.Text}, nil
	case "paragraph":
		return Paragraph{Text: b.Text}, nil
	case "note":
		return Note{Text: b.Text}, nil
	case "field":
		return Field{Label: b.Label, Text: b.Text}, nil
	case "list":
		return List{Items: b.Items, Numbered: b.Numbered}, nil
	case "table":
		return Table{Caption: b.Caption, Header: b.Header, Rows: b.Rows, Widths: b.Widths}, nil
	case "figure":
		return Figure{SVG: []byte(b.SVG), Title: b.Title, Desc: b.Desc, WidthCM: b.WidthCM}, nil
	}
	return nil, fmt.Errorf("%w : bloc %q inconnu", ErrSnapshot, b.Type)
}

// Hash is the content hash of a document: SHA-256 of its sections as Encode writes them, cover left out,
// so the hash printed on the cover does not change what it hashes. Two documents with the same sections
// have the same hash, whenever and however they were made.
func Hash(d Doc) string {
	body, err := Encode(Doc{Kind: d.Kind, Sections: d.Sections})
	if err != nil { // Encode writes only strings, numbers and booleans: it cannot fail
		panic(err)
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// Freeze makes the adopted version of a strategy document: the document built with its vote on the cover
// and its hash, then encoded. Hash(Decode(snapshot)) equals the returned hash.
func Freeze(src Source, c Choice, v Vote) (d Doc, snapshot []byte, hash string, err error) {
	src.Adoption = &Adoption{Date: v.On.Prefixed(), Body: v.Body, Number: v.Number, Result: v.Result}
	d = Strategy(src, c)
	hash = Hash(d)
	src.Adoption.Hash = hash
	d.Cover = cover(src, d.Cover.Subtitle) // the sections, which the hash covers, stay as they are
	snapshot, err = Encode(d)
	return d, snapshot, hash, err
}
