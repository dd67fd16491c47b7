package monitoring

import (
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/tabular"
	"boussole/internal/textkey"
)

// ImportSchema is the layout of a measurements file: one row per indicator and period.
func ImportSchema() tabular.Schema {
	return tabular.Schema{
		{Key: "indicateur", Label: "Indicateur", Aliases: []string{"indicator", "intitulé", "n° indicateur"}, Required: true},
		{Key: "periode", Label: "Période", Aliases: []string{"period"}},
		{Key: "valeur", Label: "Valeur", Aliases: []string{"value", "valeur mesurée", "réalisé"}},
		{Key: "texte", Label: "Valeur en mots", Aliases: []string{"précision", "texte"}},
		{Key: "date", Label: "Constatée le", Aliases: []string{"date", "date de la mesure"}},
		{Key: "source", Label: "Source"},
		{Key: "preuve", Label: "Justificatif", Aliases: []string{"preuve", "lien"}},
		{Key: "commentaire", Label: "Commentaire", Aliases: []string{"comment", "remarque"}},
		{Key: "motif", Label: "Motif", Aliases: []string{"motif de la correction", "raison"}},
	}
}

// ImportTarget is an indicator rows may name, with its periods and its current measurements by period.
type ImportTarget struct {
	Indicator logframe.Indicator
	Periods   []Period
	Existing  map[string]Measurement
}

// ImportedRow is a row ready to be written.
type ImportedRow struct {
	Line        int
	Indicator   string
	PeriodLabel string
	Measurement Measurement
	Replaces    bool // the period already had a measurement, which the row changes
}

// ImportResult is the preview of an import: nothing is written until the user confirms, and only when no
// row is rejected, so a file is never half-imported.
type ImportResult struct {
	Format   string
	Ignored  []string
	Accepted []ImportedRow
	Rejected []tabular.Error
}

// Committable returns why the import cannot be written, in French, or "".
func (r *ImportResult) Committable() string {
	switch n := len(r.Rejected); {
	case n == 1:
		return fmt.Sprintf("Une ligne est rejetée (ligne %d) : corrigez le fichier puis importez-le à nouveau. Rien n'a été enregistré.", r.Rejected[0].Line)
	case n > 1:
		return frfmt.Integer(int64(n)) + " lignes sont rejetées : corrigez le fichier puis importez-le à nouveau. Rien n'a été enregistré."
	case len(r.Accepted) == 0:
		return "Le fichier ne contient aucune mesure à importer."
	}
	return ""
}

// Import checks every row of a read table against the indicators; mayUnlock says whether the importer may
// correct locked periods (with a reason in the row's « Motif »).
func Import(tab *tabular.Table, targets []ImportTarget, mayUnlock bool) *ImportResult {
	res := &ImportResult{Format: tab.Format, Ignored: tab.Ignored}
	res.Rejected = append(res.Rejected, tab.Problems...)
	byID, byTitle := map[string]*ImportTarget{}, map[string][]*ImportTarget{}
	for i := range targets {
		t := &targets[i]
		byID[strconv.FormatInt(t.Indicator.ID, 10)] = t
		key := textkey.Fold(t.Indicator.Title)
		byTitle[key] = append(byTitle[key], t)
	}
	seen := map[string]int{}
	for _, row := range tab.Rows {
		imp, why := importRow(row, byID, byTitle, mayUnlock)
		if why == "" {
			k := strconv.FormatInt(imp.Measurement.IndicatorID, 10) + "/" + imp.Measurement.Period
			if first, dup := seen[k]; dup {
				why = fmt.Sprintf("la ligne %d donne déjà une valeur à cet indicateur pour « %s ».", first, imp.PeriodLabel)
			} else {
				seen[k] = row.Line
			}
		}
		if why != "" {
			res.Rejected = append(res.Rejected, tabular.Error{Line: row.Line, Reason: upper(why)})
			continue
		}
		res.Accepted = append(res.Accepted, imp)
	}
	return res
}

func importRow(row tabular.Row, byID map[string]*ImportTarget, byTitle map[string][]*ImportTarget, mayUnlock bool) (ImportedRow, string) {
	imp := ImportedRow{Line: row.Line}
	name := strings.TrimSpace(row.Get("indicateur"))
	t := byID[strings.TrimPrefix(name, "n°")]
	if t == nil {
		switch list := byTitle[textkey.Fold(name)]; len(list) {
		case 0:
			return imp, "l'indicateur « " + name + " » n'est pas dans la stratégie (donnez son intitulé exact ou son numéro)."
		case 1:
			t = list[0]
		default:
			return imp, "plusieurs indicateurs s'intitulent « " + name + " » : donnez son numéro (n°" + strconv.FormatInt(list[0].Indicator.ID, 10) + "…)."
		}
	}
	in := t.Indicator
	imp.Indicator = in.Title
	m := Measurement{IndicatorID: in.ID, Text: row.Get("texte"), Source: row.Get("source"), Evidence: row.Get("preuve"),
		Comment: row.Get("commentaire"), Reason: row.Get("motif")}
	if v := row.Get("valeur"); v != "" {
		d, err := number.Parse(v, number.Indicator)
		if err != nil {
			return imp, "valeur « " + v + " » : " + lowerFirst(err.Error())
		}
		m.Value = &d
	}
	var day partialdate.Date
	if s := row.Get("date"); s != "" {
		d, err := partialdate.Parse(s)
		if err != nil {
			return imp, "date « " + s + " » : " + lowerFirst(err.Error())
		}
		day = d
	}
	var p Period
	var found bool
	if s := row.Get("periode"); s != "" {
		p, found = findPeriod(t.Periods, s)
		if !found {
			return imp, "la période « " + s + " » n'est pas une période de cet indicateur (périodicité « " + in.Periodicity + " ») ; écrivez-la comme « 2027 », « 2027-S1 », « 2027-T3 » ou « 2027-03 »."
		}
	} else if !day.IsZero() {
		if p, found = At(t.Periods, day.Last()); !found {
			return imp, "la date « " + row.Get("date") + " » tombe hors des périodes de l'indicateur."
		}
	} else {
		return imp, "donnez la période ou la date de la mesure."
	}
	m.MeasuredOn = p.End
	if !day.IsZero() {
		m.MeasuredOn = day.Last()
	}
	m.Period, m.PeriodStart, m.PeriodEnd = p.Key, p.Start, p.End
	imp.PeriodLabel = p.Label
	if e := Validate(m, in, p); len(e) > 0 {
		return imp, lowerFirst(e.Error())
	}
	if old, ok := t.Existing[p.Key]; ok {
		imp.Replaces = true
		m.ID, m.Version = old.ID, old.Version
		if e := CheckLocked(old, m, mayUnlock); len(e) > 0 {
			return imp, lowerFirst(e.Error())
		}
	}
	imp.Measurement = m
	return imp, ""
}

// findPeriod accepts a period's key or its label, folded: « 2027-T3 », « 3e trimestre 2027 ».
func findPeriod(periods []Period, s string) (Period, bool) {
	f := textkey.Fold(s)
	for _, p := range periods {
		if textkey.Fold(p.Key) == f || textkey.Fold(p.Label) == f {
			return p, true
		}
	}
	return Period{}, false
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
}

func upper(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
