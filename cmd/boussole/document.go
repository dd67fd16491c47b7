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
	"boussole/internal/declaration"
	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/strategy"
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
	"iati":         "fichier IATI 2.03 des projets financés (XML)",
	"eapd":         "lignes de la déclaration annuelle de l'APD (CSV)",
}

// formatList names the formats in the flag's help and in its error message.
const formatList = "odt, pdf, deliberation, une-page, xlsx, ods, iati ou eapd"

// documentCmd writes one deliverable of an authority's strategy, as the documents page does, to standard
// output or to -o FILE, and says on standard error what it wrote.
func documentCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("document", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := config.Flags(fs)
	slug := fs.String("authority", "", "nom de l'espace dans ses adresses, par exemple grand-belval")
	format := fs.String("format", "odt", formatList)
	strategyID := fs.Int64("strategie", 0, "numéro de la stratégie ; par défaut celle en préparation, sinon celle en vigueur "+
		"(pour iati et eapd : toutes les stratégies de l'espace)")
	year := fs.Int("annee", declaration.DefaultYear(time.Now()), "pour eapd : l'année déclarée, par défaut l'année civile précédente")
	out := fs.String("o", "", "fichier à écrire ; la sortie standard par défaut")
	if err := fs.Parse(args); err != nil {
		return err
	}
	what, ok := documentFormats[*format]
	if !ok {
		return fmt.Errorf("--format : « %s » inconnu (%s)", *format, formatList)
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
	if *format == "iati" || *format == "eapd" {
		data, scope, err := buildDeclaration(ctx, st, a, *strategyID, *format, *year)
		if err != nil {
			return err
		}
		dest, err := writeOut(data, *out, stdout)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s de « %s », %s : %s octets écrits dans %s.\n", upper(what), a.Name, scope, strconv.Itoa(len(data)), dest)
		return nil
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

// writeOut writes data to the file named, or to standard output, and says where.
func writeOut(data []byte, file string, stdout io.Writer) (string, error) {
	if file == "" {
		_, err := stdout.Write(data)
		return "la sortie standard", err
	}
	return file, os.WriteFile(file, data, 0o644)
}

// buildDeclaration writes the IATI file or the e-APD's lines: they cover every strategy of the authority,
// since a project's spending is declared whatever strategy it is in, unless --strategie names one.
func buildDeclaration(ctx context.Context, st *store.Store, a model.Authority, strategyID int64, format string, year int) ([]byte, string, error) {
	if year < 2000 || year > time.Now().Year() {
		return nil, "", fmt.Errorf("--annee : %d n'est pas une année déclarable (de 2000 à %d)", year, time.Now().Year())
	}
	const parts = strategy.PartFunding | strategy.PartFramework | strategy.PartMonitoring
	var all []strategy.Strategy
	scope := "toutes les stratégies"
	if strategyID != 0 {
		rec, err := chooseStrategy(ctx, st, a, strategyID)
		if err != nil {
			return nil, "", err
		}
		one, err := st.ReadStrategy(ctx, a.ID, rec.ID, parts)
		if err != nil {
			return nil, "", err
		}
		all, scope = []strategy.Strategy{*one}, "stratégie « "+rec.Title+" »"
	} else {
		var err error
		if all, err = st.ReadStrategies(ctx, a.ID, parts); err != nil {
			return nil, "", err
		}
	}
	var buf bytes.Buffer
	if format == "iati" {
		err := declaration.WriteIATI(&buf, time.Now(), all...)
		return buf.Bytes(), scope, err
	}
	e := declaration.BuildEAPD(year, all...)
	if strategyID == 0 {
		// The grants of the authority's own support schemes belong to no strategy: they are declared with
		// the whole.
		grants, err := st.SchemeGrantsPaidIn(ctx, a.ID, year)
		if err != nil {
			return nil, "", err
		}
		e.AddGrants(grants)
	}
	err := tabular.WriteCSV(&buf, declaration.EAPDHeader(), e.Rows())
	scope = fmt.Sprintf("année %d, %s, %d ligne(s), %d point(s) bloquant(s)", year, scope, len(e.Lines), e.Count(declaration.Blocking))
	return buf.Bytes(), scope, err
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
