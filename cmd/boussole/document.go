package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"boussole/internal/config"
	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/tabular"
)

// documentFormats are what `boussole document --format` writes, with what the message calls them.
var documentFormats = map[string]string{
	"odt":          "document stratégique (ODT)",
	"pdf":          "document stratégique (PDF)",
	"deliberation": "projet de délibération (ODT)",
	"une-page":     "stratégie en une page (PDF)",
	"xlsx":         "tableaux (XLSX)",
	"ods":          "tableaux (ODS)",
}

// documentCmd writes one deliverable of an authority's strategy, as the documents page does, to standard
// output or to -o FILE, and says on standard error what it wrote.
func documentCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("document", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := config.Flags(fs)
	slug := fs.String("authority", "", "nom de l'espace dans ses adresses, par exemple grand-belval")
	format := fs.String("format", "odt", "odt, pdf, deliberation, une-page, xlsx ou ods")
	strategyID := fs.Int64("strategie", 0, "numéro de la stratégie ; par défaut celle en préparation, sinon celle en vigueur")
	out := fs.String("o", "", "fichier à écrire ; la sortie standard par défaut")
	if err := fs.Parse(args); err != nil {
		return err
	}
	what, ok := documentFormats[*format]
	if !ok {
		return fmt.Errorf("--format : « %s » inconnu (odt, pdf, deliberation, une-page, xlsx ou ods)", *format)
	}
	if *slug == "" {
		return errors.New("--authority est obligatoire : le nom de l'espace dans ses adresses, par exemple grand-belval")
	}
	ctx := context.Background()
	st, err := openStore(ctx, cfg, newLogger("text"))
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.AuthorityBySlug(ctx, *slug)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("aucun espace « %s » dans cette base", *slug)
	} else if err != nil {
		return err
	}
	rec, err := chooseStrategy(ctx, st, a, *strategyID)
	if err != nil {
		return err
	}
	data, err := buildDocument(ctx, st, a, rec, *format)
	if err != nil {
		return err
	}
	dest := "la sortie standard"
	if *out != "" {
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			return err
		}
		dest = *out
	} else if _, err := stdout.Write(data); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s de « %s », stratégie « %s » (%s) : %s octets écrits dans %s.\n", upper(what), a.Name, rec.Title, rec.Term(),
		strconv.Itoa(len(data)), dest)
	return nil
}

// upper capitalises the first letter, for a message that starts with a format's name.
func upper(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// chooseStrategy returns the strategy asked for, or the one the pages show first: in preparation, else in
// force, else the latest past one.
func chooseStrategy(ctx context.Context, st *store.Store, a model.Authority, id int64) (model.Strategy, error) {
	list, err := st.Strategies(ctx, a.ID)
	if err != nil {
		return model.Strategy{}, err
	}
	for _, want := range []model.StrategyStatus{model.StrategyDraft, model.StrategyCurrent, model.StrategyPast} {
		for _, s := range list {
			if (id != 0 && s.ID == id) || (id == 0 && s.Status == want) {
				return s, nil
			}
		}
	}
	if id != 0 {
		return model.Strategy{}, fmt.Errorf("la stratégie n° %d n'est pas une stratégie de « %s »", id, a.Name)
	}
	return model.Strategy{}, fmt.Errorf("« %s » n'a encore aucune stratégie", a.Name)
}

func buildDocument(ctx context.Context, st *store.Store, a model.Authority, rec model.Strategy, format string) ([]byte, error) {
	whole, err := st.ReadStrategy(ctx, a.ID, rec.ID, document.Parts)
	if err != nil {
		return nil, err
	}
	src := document.FromStrategy(whole, "/ct/"+a.Slug, time.Now())
	set, err := st.DocumentSettings(ctx, a.ID, rec.ID)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	switch format {
	case "odt":
		err = document.WriteODT(&buf, document.Strategy(src, set.Choice), a.Name, src.Generated)
	case "pdf":
		err = document.WritePDF(&buf, document.Strategy(src, set.Choice), a.Name, src.Generated)
	case "deliberation":
		err = document.WriteODT(&buf, document.Deliberation(src), a.Name, src.Generated)
	case "une-page":
		err = document.WritePDF(&buf, document.OnePage(src), a.Name, src.Generated)
	case "xlsx":
		err = tabular.WriteXLSXSheets(&buf, document.Workbook(src))
	case "ods":
		err = tabular.WriteODS(&buf, document.Workbook(src))
	}
	return buf.Bytes(), err
}
