package web

import (
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/store/storetest"
)

// TestAPIGuideExamplesRun runs the curl examples of docs/api.md against the application, each expecting
// the status its block announces, so the guide cannot drift from what the API answers.
func TestAPIGuideExamplesRun(t *testing.T) {
	guide, err := os.ReadFile("../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	ids := apiFixture(t, st, a)
	token := app.apiToken("agent@ville-alpha.test", a.Slug, true)
	etag := app.api("GET", apiPrefix+"/indicators/"+ids["indicator"], token, nil).header.Get("ETag")
	riskETag := app.api("GET", apiPrefix+"/risks/"+ids["risk"], token, nil).header.Get("ETag")
	vars := map[string]string{"BOUSSOLE": app.srv.URL, "JETON": token, "STRATEGIE": ids["strategy"], "INDICATEUR": ids["indicator"], "ETAG": etag,
		"RISQUE": ids["risk"], "ETAG_RISQUE": riskETag}

	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(string(guide), -1)
	if len(blocks) < 5 {
		t.Fatalf("only %d examples in the guide", len(blocks))
	}
	for _, b := range blocks {
		text := strings.ReplaceAll(b[1], "\\\n", " ")
		m := regexp.MustCompile(`# attendu : (\d+)\n(curl .*)`).FindStringSubmatch(text)
		if m == nil {
			t.Errorf("an example without « # attendu : » and a curl line:\n%s", b[1])
			continue
		}
		want, _ := strconv.Atoi(m[1])
		req := curlRequest(t, os.Expand(m[2], func(k string) string { return vars[k] }))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("%s\nanswered %d, the guide says %d", m[2], res.StatusCode, want)
		}
	}
}

// curlRequest reads the few curl options the guide uses: -X, -H, -d, -i, and the URL.
func curlRequest(t *testing.T, line string) *http.Request {
	t.Helper()
	args := shellWords(line)[1:]
	method, body, target := "GET", "", ""
	headers := http.Header{}
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "-X":
			i++
			method = args[i]
		case "-H":
			i++
			k, v, _ := strings.Cut(args[i], ":")
			headers.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		case "-d":
			i++
			body = args[i]
			if method == "GET" {
				method = "POST"
			}
		case "-i":
		default:
			target = args[i]
		}
	}
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = headers
	return req
}

// shellWords splits a command line as a POSIX shell would for the quoting the guide uses.
func shellWords(s string) []string {
	var out []string
	var cur strings.Builder
	in, started := rune(0), false
	for _, r := range s {
		switch {
		case in != 0 && r == in:
			in = 0
		case in != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			in, started = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if started || cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
		}
	}
	if started || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}
