// Package siret checks the identifiers French public data uses for organisations: the SIRET of an
// establishment (SIREN and NIC, with its Luhn key) and the RNA number of an association.
package siret

import "strings"

// Valid reports whether s is a SIRET: 14 digits whose Luhn sum is a multiple of 10, or, for La Poste's
// establishments (SIREN 356000000), whose digits sum to a multiple of 5.
func Valid(s string) bool {
	if len(s) != 14 {
		return false
	}
	sum, digits := 0, 0
	for i, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		d := int(r - '0')
		digits += d
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	if strings.HasPrefix(s, "356000000") {
		return digits%5 == 0
	}
	return sum%10 == 0
}

// ValidRNA reports whether s is an association's number at the répertoire national des associations:
// « W » and nine digits.
func ValidRNA(s string) bool {
	if len(s) != 10 || s[0] != 'W' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
