package stakeholder

import "boussole/internal/textkey"

// fold is the comparison key for names and labels: the project's shared folding (case, accents, punctuation).
func fold(s string) string { return textkey.Fold(s) }
