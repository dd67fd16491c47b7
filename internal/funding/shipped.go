package funding

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
)

// catalogueJSON is the catalogue shipped with the binary, written by hand from the guide and the
// specification; each rule says its source, and one neither text gives is absent, so it stays unknown.
//
//go:embed catalogue.json
var catalogueJSON []byte

// shippedFile is the layout of catalogue.json.
type shippedFile struct {
	Source     string      `json:"source"`
	Version    string      `json:"version"`
	Programmes []Programme `json:"programmes"`
}

// shipped is catalogue.json read once: every page that checks a plan needs it, and reading it was a fifth
// of the project list's time.
var shipped = sync.OnceValue(func() shippedFile {
	var f shippedFile
	if err := json.Unmarshal(catalogueJSON, &f); err != nil {
		panic(fmt.Sprintf("funding: catalogue.json: %v", err))
	}
	return f
})

// Shipped returns the programmes shipped with the binary, in catalogue order, in a list of the caller's
// own (the programmes' inner lists are shared and must not be changed in place). It panics on a broken
// file, which the package's tests read: the file is part of the source, not input.
func Shipped() []Programme { return slices.Clone(shipped().Programmes) }

// ShippedVersion returns the date of the shipped catalogue and what it was written from.
func ShippedVersion() (version, source string) {
	f := shipped()
	return f.Version, f.Source
}
