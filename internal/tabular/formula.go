package tabular

// A cell that starts with one of these is run as a formula by spreadsheets: exports prefix it with an
// apostrophe (the spreadsheet convention for « text as typed ») so user text can never become a formula,
// and imports remove that apostrophe so a round trip gives back what was typed.
func isFormulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

func escapeFormula(v string) string {
	if v != "" && isFormulaStart(v[0]) {
		return "'" + v
	}
	return v
}

func unescapeFormula(v string) string {
	if len(v) > 1 && v[0] == '\'' && isFormulaStart(v[1]) {
		return v[1:]
	}
	return v
}
