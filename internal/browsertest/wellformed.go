package browsertest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"boussole/internal/htmlcheck"
)

// Body returns the raw HTML that the server sent for the current page, as
// the browser received it (so also after a form post). If the browser no
// longer holds it, the page is fetched again with the tab's cookies.
func (b *Browser) Body() ([]byte, error) {
	doc := b.s.current()
	if doc.requestID == "" {
		return nil, errors.New("aucune page HTML chargée")
	}
	ctx, cancel := context.WithTimeout(b.s.ctx, b.s.timeout)
	defer cancel()
	res, err := chromedp.Call(ctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: doc.requestID})
	if err == nil {
		return res.Body, nil
	}
	return b.refetch(ctx, doc.url)
}

// refetch GETs pageURL again with the cookies the browser would send.
func (b *Browser) refetch(ctx context.Context, pageURL string) ([]byte, error) {
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{pageURL}})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return nil, err
	}
	for _, c := range cookies.Cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// WellFormedProblems checks the raw HTML of the current page with htmlcheck.
func (b *Browser) WellFormedProblems() ([]htmlcheck.Problem, error) {
	body, err := b.Body()
	if err != nil {
		return nil, fmt.Errorf("source HTML de %s : %w", b.s.current().url, err)
	}
	return htmlcheck.Check(body), nil
}

// CheckWellFormed fails t when the raw HTML of the current page has problems.
func (b *Browser) CheckWellFormed(t testing.TB) {
	t.Helper()
	problems, err := b.WellFormedProblems()
	if err != nil {
		t.Fatalf("%v", err)
	}
	if len(problems) > 0 {
		t.Errorf("HTML mal formé sur %s :\n%s", b.s.current().url, htmlcheck.Report(problems))
	}
}

// CheckPage runs CheckWellFormed and CheckAccessibility on the current page:
// the two checks every visited page must pass.
func (b *Browser) CheckPage(t testing.TB) {
	t.Helper()
	b.CheckWellFormed(t)
	b.CheckAccessibility(t)
}
