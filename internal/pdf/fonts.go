package pdf

import (
	_ "embed"
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
