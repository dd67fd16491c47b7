package browsertest

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium tab driven by a test. Its methods fail the
// test they are bound to (see For) on any browser error.
type Browser struct {
	t testing.TB
	s *session
}

// session is the state shared by every Browser bound to the same tab.
type session struct {
	ctx     context.Context
	timeout time.Duration

	mu      sync.Mutex
	doc     document     // the last main-frame HTML response
	axeCode string       // axe.min.js, read once
	marks   atomic.Int64 // numbers the elements marked for a click
}

// document identifies the response that produced the current page.
type document struct {
	requestID network.RequestID
	url       string
	status    int
}

// startTimeout bounds the launch of Chromium; actionTimeout bounds each step.
const (
	startTimeout  = 60 * time.Second
	actionTimeout = 30 * time.Second
)

// New starts headless Chromium for the test and closes it at cleanup. It
// skips the test when Chromium is absent, or fails it when CI is set.
func New(t testing.TB) *Browser {
	t.Helper()
	path, err := findChromium()
	if err != nil {
		unavailable(t, "Chromium introuvable (%v) : tests navigateur ignorés ; installer le paquet chromium ou définir %s", err, ChromiumEnv)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), options(path)...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		_ = chromedp.Cancel(ctx) // closes the browser gracefully
		cancelCtx()
		cancelAlloc()
	})
	if err := start(ctx); err != nil {
		t.Fatalf("impossible de démarrer Chromium (%s) : %v", path, err)
	}
	s := &session{ctx: ctx, timeout: actionTimeout}
	if err := s.listen(); err != nil {
		t.Fatalf("écoute des réponses de Chromium : %v", err)
	}
	return &Browser{t: t, s: s}
}

// options are the flags this machine needs: no sandbox as root, no GPU, and
// no background traffic, which the closed network would refuse. chromedp
// gives each browser a fresh user-data-dir and removes it at the end.
func options(path string) []chromedp.ExecAllocatorOption {
	return append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "fr-FR"),
		chromedp.WindowSize(1280, 1024),
	)
}

// start launches the browser on the long-lived context: the first action on a
// chromedp context owns the browser, so it cannot carry a timeout itself.
func start(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		return err
	case <-time.After(startTimeout):
		return context.DeadlineExceeded
	}
}

// listen records the last HTML response of the main frame, so that its body
// and status can be read after any navigation, including a form post.
func (s *session) listen() error {
	mainFrame := string(chromedp.FromContext(s.ctx).Target.TargetID)
	return chromedp.Listen(s.ctx, func(ev any) {
		r, ok := ev.(*network.EventResponseReceived)
		if !ok || r.Type != network.ResourceTypeDocument || string(r.FrameID) != mainFrame {
			return
		}
		s.mu.Lock()
		s.doc = document{requestID: r.RequestID, url: r.Response.URL, status: int(r.Response.Status)}
		s.mu.Unlock()
	})
}

// For returns the same tab bound to another test, typically a subtest, whose
// goroutine may then fail through it.
func (b *Browser) For(t testing.TB) *Browser {
	return &Browser{t: t, s: b.s}
}

// Context returns the chromedp context of the tab, for actions this package
// does not wrap. Give each call its own timeout.
func (b *Browser) Context() context.Context {
	return b.s.ctx
}

// do runs steps with the action timeout and fails the test on error.
func (b *Browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.s.ctx, b.s.timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("navigateur : %s : %v", what, err)
	}
}

// run runs one action with the action timeout and fails the test on error.
func run[T any](b *Browser, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.s.ctx, b.s.timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("navigateur : %s : %v", what, err)
	}
	return v
}

// current returns the last HTML response.
func (s *session) current() document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.doc
}
