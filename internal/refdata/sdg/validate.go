package sdg

// ValidateTarget checks a UN target code and returns it normalised, with a French message when unknown.
func ValidateTarget(code string) (string, error) {
	c := normalise(code)
	if c == "" {
		return "", codeErrorf("Choisissez une cible ODD.")
	}
	if _, ok := load().target[c]; !ok {
		return "", codeErrorf("Cible ODD inconnue : %s", shorten(code))
	}
	return c, nil
}
