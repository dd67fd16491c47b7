package browsertest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Environment variables read by the package.
const (
	ChromiumEnv = "BOUSSOLE_CHROMIUM" // path of the Chromium executable
	AxeEnv      = "BOUSSOLE_AXE_JS"   // path of axe.min.js
)

// candidates are tried in order when ChromiumEnv is unset.
var candidates = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// InCI reports whether the CI variable asks for mandatory browser tests.
func InCI() bool {
	v := strings.TrimSpace(os.Getenv("CI"))
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// findChromium returns the Chromium executable to use. An explicit
// ChromiumEnv that does not work is an error, not a reason to look elsewhere.
func findChromium() (string, error) {
	if p := os.Getenv(ChromiumEnv); p != "" {
		if err := executable(p); err != nil {
			return "", fmt.Errorf("%s=%s : %w", ChromiumEnv, p, err)
		}
		return p, nil
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", errors.New("aucun exécutable parmi " + strings.Join(candidates, ", "))
}

func executable(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.IsDir() || info.Mode()&0o111 == 0 {
		return errors.New("n'est pas un exécutable")
	}
	return nil
}

// unavailable skips the test, or fails it in CI, where a missing tool must
// not turn the browser suite into a silent no-op.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (CI est défini : échec au lieu d'ignorer le test)", msg)
	}
	t.Skip(msg)
}
