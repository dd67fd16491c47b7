package pdf

import (
	_ "embed"
	"strings"
)

// The embedded typeface, regular and bold.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// family is the font's name inside the PDF.
const family = "DejaVuSans"

// drawable replaces what the embedded font cannot draw and the PDF library cannot encode: characters
// beyond the Basic Multilingual Plane (emoji, mathematical letters) become a white square, and the emoji
// variation selector goes. A strategy written with emoji then prints, a square where each one was,
// instead of failing.
func drawable(s string) string {
	for _, r := range s {
		if r > 0xFFFF || r == 0xFE0F {
			return strings.Map(func(r rune) rune {
				switch {
				case r == 0xFE0F:
					return -1
				case r > 0xFFFF:
					return '□'
				}
				return r
			}, s)
		}
	}
	return s
}
