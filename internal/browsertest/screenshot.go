package browsertest

import (
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// Screenshot writes a PNG of the whole page to path, creating its folder.
func (b *Browser) Screenshot(path string) {
	b.t.Helper()
	png := run(b, "capture d'écran", chromedp.FullScreenshot(100))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.t.Fatalf("capture d'écran : %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatalf("capture d'écran : %v", err)
	}
}
