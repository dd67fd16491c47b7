package web

import (
	"context"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/a-h/templ"

	"boussole/internal/figure/svg"
	"boussole/internal/frfmt"
	"boussole/internal/schedule"
)

// The chronogramme's table and list of dependencies are its text alternative: one row per activity and
// milestone, one item per dependency, hundreds of each on a real plan. templ allocates twice per expression
// (fmt.Sprint, then the escaped copy), which made these rows most of the page's allocations; they are
// written here into one pooled buffer, with the same markup and escaping as templ.

var chronoBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// chronoTableRows writes the body of the chronogramme's table.
func chronoTableRows(prefix string, rows []chronoRow) templ.Component {
	return chronoWriter(func(b []byte) []byte {
		for i := range rows {
			b = appendChronoRow(b, prefix, &rows[i])
		}
		return b
	})
}

// chronoLinkItems writes the list of dependencies, each linked to its successor's page.
func chronoLinkItems(prefix string, links []chronoLink) templ.Component {
	return chronoWriter(func(b []byte) []byte {
		for _, l := range links {
			b = append(b, `<li><a href="`...)
			b = appendNodeHref(b, prefix, l.To)
			b = append(b, `">`...)
			b = appendHTML(b, l.Text)
			b = append(b, `</a></li>`...)
		}
		return b
	})
}

func chronoWriter(write func(b []byte) []byte) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		p := chronoBuffers.Get().(*[]byte)
		b := write((*p)[:0])
		_, err := w.Write(b)
		if cap(b) <= 1<<20 { // a buffer grown by a huge plan is left to the collector
			*p = b
			chronoBuffers.Put(p)
		}
		return err
	})
}

func appendChronoRow(b []byte, prefix string, row *chronoRow) []byte {
	b = append(b, `<tr`...)
	if row.Critical {
		b = append(b, ` class="plan-critical"`...)
	}
	b = append(b, `><th scope="row"><a href="`...)
	b = appendNodeHref(b, prefix, row.Node)
	b = append(b, `">`...)
	b = appendHTML(b, milestonePrefix(row.Milestone))
	b = appendHTML(b, row.Label)
	b = append(b, `</a></th><td>`...)
	b = appendHTML(b, row.Group)
	b = append(b, `</td><td>`...)
	b = appendDate(b, row.Start)
	b = append(b, `</td>`...)
	if row.Milestone {
		b = append(b, `<td>—</td><td>jalon</td>`...)
	} else {
		b = append(b, `<td>`...)
		b = appendDate(b, row.Last)
		b = append(b, `</td><td>`...)
		b = strconv.AppendInt(b, int64(row.Days), 10)
		b = append(b, ` j</td>`...)
	}
	b = append(b, `<td>`...)
	b = appendHTML(b, row.Responsible)
	b = append(b, ' ')
	if row.Service != "" {
		b = append(b, `<br><span class="muted">`...)
		b = appendHTML(b, row.Service)
		b = append(b, `</span>`...)
	}
	b = append(b, `</td><td>`...)
	if !row.Milestone {
		b = appendHTML(b, row.Status)
		b = append(b, ` (`...)
		b = strconv.AppendInt(b, int64(row.Percent), 10)
		b = append(b, ` %)`...)
	}
	b = append(b, `</td><td>`...)
	if row.Critical {
		b = append(b, `<strong>critique</strong>`...)
	} else {
		b = strconv.AppendInt(b, int64(row.Slack), 10)
		b = append(b, ` j`...)
	}
	b = append(b, `</td><td>`...)
	if row.Outside != "" {
		b = append(b, `<strong>`...)
		b = appendHTML(b, row.Outside)
		b = append(b, `</strong> `...)
	}
	if row.AnchorLost {
		b = append(b, `<strong>référence supprimée</strong> `...)
	}
	if row.Public {
		b = append(b, `publié`...)
	}
	return append(b, `</td></tr>`...)
}

// appendNodeHref writes the page of an activity or milestone; the prefix is the workspace's, escaped as
// templ escapes a SafeURL.
func appendNodeHref(b []byte, prefix string, n schedule.Node) []byte {
	b = appendHTML(b, prefix)
	if n.Kind == schedule.NodeMilestone {
		b = append(b, "/planification/jalons/"...)
	} else {
		b = append(b, "/planification/activites/"...)
	}
	return strconv.AppendInt(b, n.ID, 10)
}

// appendDate writes frfmt.Date(t).
func appendDate(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	y, m, d := t.Date()
	return frfmt.AppendDate(b, y, m, d)
}

// appendHTML writes s escaped as html.EscapeString (and so templ) does.
func appendHTML(b []byte, s string) []byte { return svg.AppendHTML(b, s) }
