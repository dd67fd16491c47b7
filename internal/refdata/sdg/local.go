package sdg

import (
	"strconv"
	"strings"
)

// LocalTarget is a target an authority defines under a UN target or indicator, as CONSUL does.
//
// The rule: a local code is BASE "-local", optionally followed by "-N".
//   - BASE is an existing UN target ("11.6", "17.a") or global indicator ("11.6.1").
//   - N, from 2 to 99 without a leading zero, numbers further local targets under the same base;
//     the first one carries no number ("11.6-local", then "11.6-local-2"). "-local-1" is refused so
//     that one target cannot be written two ways.
//   - Case and surrounding spaces are ignored; the normalised code is lower case.
type LocalTarget struct {
	Code      string // normalised, e.g. "11.6.1-local-2"
	Target    string // UN target, e.g. "11.6"
	Indicator string // UN indicator when the base is one, e.g. "11.6.1"; empty otherwise
	Seq       int    // 1 for "-local", N for "-local-N"
}

// ParseLocal checks a local target code against the rule of LocalTarget and explains in French what is wrong.
func ParseLocal(code string) (LocalTarget, error) {
	c := normalise(code)
	if c == "" {
		return LocalTarget{}, codeErrorf("Indiquez le code de la cible locale, par exemple « 11.6-local ».")
	}
	base, suffix, ok := strings.Cut(c, "-local")
	if !ok || base == "" {
		return LocalTarget{}, codeErrorf("Le code « %s » doit être une cible ou un indicateur ODD suivi de « -local », par exemple « 11.6-local » ou « 11.6.1-local-2 ».", shorten(code))
	}
	lt := LocalTarget{Seq: 1}
	if suffix != "" {
		n, err := localNumber(suffix)
		if err != nil {
			return LocalTarget{}, err
		}
		lt.Seq = n
	}
	switch strings.Count(base, ".") {
	case 1:
		if _, ok := load().target[base]; !ok {
			return LocalTarget{}, codeErrorf("La cible ODD %s n'existe pas.", shorten(base))
		}
		lt.Target = base
	case 2:
		in, ok := load().indicator[base]
		if !ok {
			return LocalTarget{}, codeErrorf("L'indicateur ODD %s n'existe pas.", shorten(base))
		}
		lt.Target, lt.Indicator = in.Target, base
	default:
		return LocalTarget{}, codeErrorf("« %s » n'est ni une cible ODD (forme 11.6) ni un indicateur ODD (forme 11.6.1).", shorten(base))
	}
	lt.Code = c
	return lt, nil
}

// localNumber reads the "-N" after "-local".
func localNumber(suffix string) (int, error) {
	bad := codeErrorf("Après « -local », seul un numéro de 2 à 99 peut suivre, par exemple « 11.6-local-2 ».")
	digits, ok := strings.CutPrefix(suffix, "-")
	if !ok || digits == "" || digits[0] == '0' || len(digits) > 2 {
		return 0, bad
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 2 {
		return 0, bad
	}
	return n, nil
}

// shorten keeps a message readable when the field held a long paste.
func shorten(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
