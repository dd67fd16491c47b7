package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recorder is a testing.TB that records failures and skips instead of
// acting on them, so that tests can check how a helper fails.
type recorder struct {
	testing.TB
	mu                   sync.Mutex
	errors, fatals, skip []string
}

func (r *recorder) add(list *[]string, format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*list = append(*list, fmt.Sprintf(format, args...))
}

func (r *recorder) Errorf(format string, args ...any) { r.add(&r.errors, format, args...) }
func (r *recorder) Error(args ...any)                 { r.add(&r.errors, "%s", fmt.Sprint(args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.add(&r.fatals, format, args...)
	runtime.Goexit()
}
func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }
func (r *recorder) FailNow()          { r.Fatalf("FailNow") }
func (r *recorder) Skipf(format string, args ...any) {
	r.add(&r.skip, format, args...)
	runtime.Goexit()
}
func (r *recorder) Skip(args ...any) { r.Skipf("%s", fmt.Sprint(args...)) }
func (r *recorder) SkipNow()         { r.Skipf("SkipNow") }

// record runs fn on its own goroutine, as Fatal and Skip end it.
func record(t *testing.T, fn func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(r)
	}()
	<-done
	return r
}

func TestInCI(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{
		{"", false},
		{"true", true},
		{"1", true},
		{"0", false},
		{"false", false},
		{"FALSE", false},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			t.Setenv("CI", tt.value)
			if got := InCI(); got != tt.want {
				t.Errorf("InCI() with CI=%q = %v, want %v", tt.value, got, tt.want)
			}
		})
	}
}

func TestFindChromiumHonoursVariable(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chromium")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "texte")
	if err := os.WriteFile(plain, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, value, want, wantErr string
	}{
		{"executable", exe, exe, ""},
		{"missing file", filepath.Join(dir, "absent"), "", "no such file"},
		{"not executable", plain, "", "n'est pas un exécutable"},
		{"directory", dir, "", "n'est pas un exécutable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(ChromiumEnv, tt.value)
			got, err := findChromium()
			if got != tt.want {
				t.Errorf("findChromium() = %q, want %q", got, tt.want)
			}
			if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("findChromium() error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewWithoutChromium(t *testing.T) {
	tests := []struct {
		ci        string
		wantSkip  bool
		wantFatal bool
	}{
		{"", true, false},
		{"true", false, true},
	}
	for _, tt := range tests {
		t.Run("CI="+tt.ci, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			t.Setenv(ChromiumEnv, filepath.Join(t.TempDir(), "absent"))
			r := record(t, func(tb testing.TB) { New(tb) })
			if got := len(r.skip) == 1; got != tt.wantSkip {
				t.Errorf("skipped = %v (%q), want %v", got, r.skip, tt.wantSkip)
			}
			if got := len(r.fatals) == 1; got != tt.wantFatal {
				t.Errorf("failed = %v (%q), want %v", got, r.fatals, tt.wantFatal)
			}
			if msgs := append(r.skip, r.fatals...); len(msgs) == 0 || !strings.Contains(msgs[0], "Chromium introuvable") {
				t.Errorf("message = %q, want it to say Chromium is missing", msgs)
			}
		})
	}
}

func TestCheckAccessibilityWithoutAxe(t *testing.T) {
	tests := []struct {
		ci        string
		wantFatal bool
	}{
		{"", false},
		{"true", true},
	}
	for _, tt := range tests {
		t.Run("CI="+tt.ci, func(t *testing.T) {
			t.Setenv(AxeEnv, "")
			t.Setenv("CI", tt.ci)
			b := &Browser{t: t, s: &session{}} // the check stops before using the tab
			r := record(t, func(tb testing.TB) { b.CheckAccessibility(tb) })
			if got := len(r.fatals) == 1; got != tt.wantFatal {
				t.Errorf("failed = %v (%q), want %v", got, r.fatals, tt.wantFatal)
			}
			if len(r.errors) != 0 || len(r.skip) != 0 {
				t.Errorf("unexpected errors %q or skips %q", r.errors, r.skip)
			}
		})
	}
}

func TestBlocking(t *testing.T) {
	vs := []Violation{{ID: "a", Impact: "minor"}, {ID: "b", Impact: "serious"}, {ID: "c", Impact: "moderate"}, {ID: "d", Impact: "critical"}, {ID: "e"}}
	var ids []string
	for _, v := range Blocking(vs) {
		ids = append(ids, v.ID)
	}
	if got := strings.Join(ids, ","); got != "b,d" {
		t.Errorf("Blocking() kept %q, want b,d", got)
	}
}

func TestViolationString(t *testing.T) {
	v := Violation{ID: "label", Impact: "critical", Help: "Form elements must have labels", HelpURL: "u",
		Nodes: []ViolationNode{{Target: []any{"#a"}}, {Target: []any{[]any{"x-host", "input"}}}}}
	want := "axe « label » (critical) : Form elements must have labels ; éléments : #a, [x-host input] ; voir u"
	if got := v.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
