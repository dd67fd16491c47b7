package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files under content-hashed names, so browsers may cache them for a
// year and still get a new file the moment it changes.
type assets struct {
	byHashed map[string]asset // "app.3f2a1b9c.css" → file
	hashed   map[string]string
	css      []string // every stylesheet's hashed URL, in link order
}

type asset struct {
	body        []byte
	contentType string
}

func loadAssets() (*assets, error) {
	a := &assets{byHashed: map[string]asset{}, hashed: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		hashedName := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a.hashed[name] = "/static/" + hashedName
		a.byHashed[hashedName] = asset{body: body, contentType: mime.TypeByExtension(ext)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: unable to load static files: %w", err)
	}
	a.css = a.orderStylesheets()
	return a, nil
}

// URL returns the hashed URL of a static file; it panics on an unknown name so a typo fails every test.
func (a *assets) URL(name string) string {
	u, ok := a.hashed[name]
	if !ok {
		panic("web: unknown static file " + name)
	}
	return u
}

func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	f, ok := a.byHashed[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.contentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	_, _ = w.Write(f.body)
}

// stylesheets returns the hashed URLs of every stylesheet, app.css first, then each area's own in name
// order, so areas add styles without editing a shared file.
func (a *assets) stylesheets() []string { return a.css }

func (a *assets) orderStylesheets() []string {
	var names []string
	for name := range a.hashed {
		if path.Ext(name) == ".css" && name != "app.css" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := []string{a.hashed["app.css"]}
	for _, n := range names {
		out = append(out, a.hashed[n])
	}
	return out
}
