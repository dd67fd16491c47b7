package svg

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1.5: "1.5", 2.0: "2", -0.001: "0", 3.14159: "3.14", 100: "100"} {
		if got := Num(in); got != want {
			t.Errorf("Num(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestDocIsWellFormedAndEscaped(t *testing.T) {
	d := New("f1", 100, 50, "Titre <A&B>", "Description")
	d.Rect(0, 0, 10, 10, `class="x"`)
	d.Text(5, 5, `class="t"`, `l'<script>`)
	out := d.Bytes()
	if strings.Contains(string(out), "<script>") {
		t.Fatalf("text not escaped: %s", out)
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, out)
			}
			break
		}
	}
	if !strings.Contains(string(out), `aria-labelledby="f1-title f1-desc"`) {
		t.Errorf("missing accessible name: %s", out)
	}
}

// The appending writers write what Num and Esc return.
func TestAppendersMatch(t *testing.T) {
	for _, f := range []float64{0, 1.5, 2.0, -0.001, 3.14159, 100, -12.5, 1e6, 0.004, 0.005, -0.3} {
		if got := string(AppendNum([]byte("x"), f)); got != "x"+Num(f) {
			t.Errorf("AppendNum(%v) = %q, want x%q", f, got, Num(f))
		}
	}
	for _, s := range []string{"", "plain", `a<b>&'"c`, "jusqu'au « fin »", "a\vb\x00c", "\u202eabc", "é&é"} {
		if got := string(AppendEsc([]byte("x"), s)); got != "x"+Esc(s) {
			t.Errorf("AppendEsc(%q) = %q, want x%q", s, got, Esc(s))
		}
	}
}
