package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Violation is one axe-core rule broken by the page.
type Violation struct {
	ID      string          `json:"id"`
	Impact  string          `json:"impact"` // minor, moderate, serious or critical
	Help    string          `json:"help"`
	HelpURL string          `json:"helpUrl"`
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that breaks the rule.
type ViolationNode struct {
	Target         []any  `json:"target"` // CSS selectors; nested lists for shadow DOM
	HTML           string `json:"html"`
	FailureSummary string `json:"failureSummary"`
}

// Selectors returns the node's selectors as text.
func (n ViolationNode) Selectors() string {
	parts := make([]string, len(n.Target))
	for i, s := range n.Target {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, " ")
}

// String formats the violation with every target, for a test failure.
func (v Violation) String() string {
	targets := make([]string, len(v.Nodes))
	for i, n := range v.Nodes {
		targets[i] = n.Selectors()
	}
	return fmt.Sprintf("axe « %s » (%s) : %s ; éléments : %s ; voir %s",
		v.ID, v.Impact, v.Help, strings.Join(targets, ", "), v.HelpURL)
}

// Blocking keeps the violations whose impact is serious or critical.
func Blocking(vs []Violation) []Violation {
	var out []Violation
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, v)
		}
	}
	return out
}

// wcagTags are the axe-core tags of WCAG 2.0, 2.1 and 2.2 levels A and AA,
// which RGAA 4 follows.
const wcagTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]`

// axeRunScript runs axe on the document and keeps only what a report needs.
const axeRunScript = `axe.run(document, {runOnly: {type: "tag", values: ` + wcagTags + `}, resultTypes: ["violations"]})
	.then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary || ""}))})))`

// axeTimeout allows for colour-contrast checks on long pages.
const axeTimeout = 90 * time.Second

// ErrNoAxe says that AxeEnv is not set.
var ErrNoAxe = errors.New(AxeEnv + " non défini : chemin de axe.min.js (paquet npm axe-core) attendu")

// AxeViolations runs axe-core on the current page and returns every WCAG A
// and AA violation, whatever its impact.
func (b *Browser) AxeViolations() ([]Violation, error) {
	code, err := b.s.axeScript()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(b.s.ctx, axeTimeout)
	defer cancel()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object"`))
	if err != nil {
		return nil, err
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](code)); err != nil {
			return nil, fmt.Errorf("injection de axe-core : %w", err)
		}
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](axeRunScript, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("exécution de axe-core : %w", err)
	}
	return vs, nil
}

// axeScript reads axe.min.js once per browser.
func (s *session) axeScript() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.axeCode != "" {
		return s.axeCode, nil
	}
	path := os.Getenv(AxeEnv)
	if path == "" {
		return "", ErrNoAxe
	}
	code, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("lecture de axe-core : %w", err)
	}
	s.axeCode = string(code)
	return s.axeCode, nil
}

// CheckAccessibility fails t for every serious or critical axe-core violation
// on the current page, listing rule, help and targets. Without AxeEnv it only
// logs that the check is skipped, except in CI where it fails.
func (b *Browser) CheckAccessibility(t testing.TB) {
	t.Helper()
	vs, err := b.AxeViolations()
	if errors.Is(err, ErrNoAxe) && !InCI() {
		t.Logf("contrôle d'accessibilité ignoré : %v", err)
		return
	}
	if err != nil {
		t.Fatalf("axe-core sur %s : %v", b.s.current().url, err)
	}
	blocking := Blocking(vs)
	for _, v := range blocking {
		t.Errorf("%s : %s", b.s.current().url, v)
	}
	if minor := len(vs) - len(blocking); minor > 0 {
		t.Logf("axe-core : %d violation(s) mineure(s) ou modérée(s) tolérée(s) sur %s", minor, b.s.current().url)
	}
}
