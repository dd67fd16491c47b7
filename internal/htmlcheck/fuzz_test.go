package htmlcheck

import (
	"testing"
)

// FuzzCheck makes sure no input, however broken, panics the checker or
// yields a problem without a valid line.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{doc(validBody), "<", "</", "<!", "<a b=", "<a b='", "<!--", "<![CDATA[", "<script>", "<p\n\n", "\xff<p>"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		lines := 1
		for _, c := range body {
			if c == '\n' {
				lines++
			}
		}
		for _, p := range Check(body) {
			if p.Line < 1 || p.Line > lines || p.Message == "" {
				t.Fatalf("bad problem %+v for a %d-line input", p, lines)
			}
		}
	})
}
