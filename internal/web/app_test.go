package web

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"boussole/internal/access"
	"boussole/internal/auth"
	"boussole/internal/config"
	"boussole/internal/htmlcheck"
	"boussole/internal/mail"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// testApp is the real application on a real database, served on loopback for one test.
type testApp struct {
	t     testing.TB
	srv   *httptest.Server
	st    *store.Store
	app   *Server
	owner map[string]model.Authority
}

// newTestApp serves the application on st.
func newTestApp(t testing.TB, st *store.Store) *testApp {
	t.Helper()
	return newTestAppWith(t, st, testSetup{})
}

// testSetup changes what newTestAppWith starts: settings, a mail server, where Info logs go.
type testSetup struct {
	config  func(*config.Config)
	smtpURL string
	infoLog io.Writer // receives the Info records too, such as the emails written to the log
}

func newTestAppWith(t testing.TB, st *store.Store, setup testSetup) *testApp {
	t.Helper()
	a := &testApp{t: t, st: st, owner: map[string]model.Authority{}}
	a.srv = httptest.NewUnstartedServer(nil)
	cfg := &config.Config{Addr: a.srv.Listener.Addr().String(), BaseURL: "http://" + a.srv.Listener.Addr().String(), LogFormat: "text"}
	if setup.config != nil {
		setup.config(cfg)
	}
	var log *slog.Logger
	if setup.infoLog != nil {
		log = slog.New(slog.NewTextHandler(setup.infoLog, &slog.HandlerOptions{Level: slog.LevelInfo}))
	} else {
		log = slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	sender, err := mail.New(setup.smtpURL, "boussole@plateforme.test", log)
	if err != nil {
		t.Fatal(err)
	}
	app, err := New(st, cfg, log, sender)
	if err != nil {
		t.Fatal(err)
	}
	a.app = app
	a.srv.Config.Handler = app
	a.srv.Start()
	t.Cleanup(a.srv.Close)
	return a
}

// testLog sends the application's warnings and errors to the test's output.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// testPasswordHash is computed once: argon2id is deliberately slow.
var testPasswordHash, _ = auth.HashPassword("mot de passe de test")

const testPassword = "mot de passe de test"

// workspace opens a workspace named name whose administrator is admin@<slug>.test, and adds one member
// per other role, <role>@<slug>.test; it returns the authority.
func (a *testApp) workspace(name string) model.Authority {
	a.t.Helper()
	ctx := context.Background()
	au := model.Authority{Kind: "commune", Name: name, Slug: slugify(name)}
	admin := model.User{Email: "admin@" + au.Slug + ".test", Name: "Admin " + name, PasswordHash: testPasswordHash}
	if err := a.st.SignUp(ctx, &au, &admin); err != nil {
		a.t.Fatal(err)
	}
	for _, r := range access.MemberRoles[1:] {
		u := model.User{Email: string(r) + "@" + au.Slug + ".test", Name: r.Label() + " " + name, PasswordHash: testPasswordHash}
		if err := a.st.CreateMember(ctx, store.Actor{}, au.ID, &u, r, ""); err != nil {
			a.t.Fatal(err)
		}
	}
	a.owner[au.Slug] = au
	return au
}

// client is a browser-like HTTP client with its own cookies that does not follow redirects, so tests see
// each response.
type client struct {
	t   testing.TB
	app *testApp
	hc  *http.Client
}

func (a *testApp) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: a.t, app: a, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// signIn returns a client signed in as email.
func (a *testApp) signIn(email string) *client {
	a.t.Helper()
	c := a.client()
	res := c.post("/connexion", url.Values{"email": {email}, "password": {testPassword}})
	if res.status != http.StatusSeeOther {
		a.t.Fatalf("sign-in as %s: status %d\n%s", email, res.status, res.body)
	}
	return c
}

type response struct {
	status   int
	location string
	body     string
	header   http.Header
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	r := response{status: res.StatusCode, location: res.Header.Get("Location"), body: string(body), header: res.Header}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") && (res.StatusCode < 300 || res.StatusCode >= 400) {
		if problems := htmlcheck.Check(body); len(problems) > 0 {
			c.t.Errorf("%s %s: HTML problems:\n%s", req.Method, req.URL.Path, htmlcheck.Report(problems))
		}
	}
	return r
}

// get fetches a path.
func (c *client) get(path string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.app.srv.URL+path, nil)
	return c.do(req)
}

// post submits a form to a path.
func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.app.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// mustContain fails the test unless the body contains every string.
func (r response) mustContain(t testing.TB, wants ...string) {
	t.Helper()
	text := html.UnescapeString(r.body)
	for _, w := range wants {
		if !strings.Contains(r.body, w) && !strings.Contains(text, w) {
			t.Errorf("page lacks %q (status %d)", w, r.status)
		}
	}
}

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
