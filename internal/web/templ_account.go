package web

import (
	"strconv"
	"strings"

	"boussole/internal/access"
	"boussole/internal/model"
	"boussole/internal/sharing"
)

// Helpers of the account, strategy and capitalisation pages written in templ (page_account_*.templ,
// page_strategy_*.templ, page_sharing_*.templ, page_consortium.templ).

// acctQueryEscape escapes a value for a link's query string the way html/template did on these pages
// (every byte but letters, digits and « -._~ » as %xx in lower case), so a link keeps its exact form.
func acctQueryEscape(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// acctQuery is « ?name=value », escaped, or nothing when value is empty.
func acctQuery(name, value string) string {
	if value == "" {
		return ""
	}
	return "?" + name + "=" + acctQueryEscape(value)
}

// acctCan reports whether the viewer may do action in the workspace the page shows.
func acctCan(v view, action access.Action) bool {
	return v.WS != nil && access.Can(v.WS.Role, action)
}

// acctPick is yes when cond holds, no otherwise: the short alternatives of a sentence.
func acctPick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// acctJoin joins texts with sep, as the pages list names, themes or countries.
func acctJoin(items []string, sep string) string { return strings.Join(items, sep) }

// acctID writes an identifier.
func acctID(id int64) string { return strconv.FormatInt(id, 10) }

// auditDiffSummary names what an entry of the journal unfolds: a change, a creation or a deletion.
func auditDiffSummary(l auditLine) string {
	switch {
	case l.HasBefore && l.HasAfter:
		return "Avant / après"
	case l.HasAfter:
		return "Contenu enregistré"
	}
	return "Contenu supprimé"
}

// strategyAdoptedCell is the list's « Adoptée » column: the date of adoption, at the precision known.
func strategyAdoptedCell(st model.Strategy) string {
	if !st.Adopted() {
		return "—"
	}
	return orText(st.AdoptedOn.String(), "non renseigné")
}

// sharedTitles names the items of a shared list, separated by semicolons.
func sharedTitles[T any](items []T, title func(T) string) string {
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = title(it)
	}
	return strings.Join(names, " ; ")
}

// acctPrefixed is text after prefix, or nothing when text is empty.
func acctPrefixed(prefix, text string) string {
	if text == "" {
		return ""
	}
	return prefix + text
}

// acctList joins items with sep, or says empty when there are none.
func acctList(items []string, sep, empty string) string {
	if len(items) == 0 {
		return empty
	}
	return strings.Join(items, sep)
}

// peerAdoptedText follows a shared strategy's term: adopted, and when, if it says.
func peerAdoptedText(h sharing.Header) string {
	if !h.Adopted {
		return ""
	}
	return " · adoptée" + acctPrefixed(" ", h.AdoptedOn.Prefixed())
}

// peerOutOfFour is a risk's likelihood or impact, on the scale of four, or unknown.
func peerOutOfFour(n int, unknown string) string {
	if n == 0 {
		return unknown
	}
	return strconv.Itoa(n) + " sur 4"
}

// peerYear is a start year, or unknown.
func peerYear(y int) string {
	if y == 0 {
		return "non renseigné"
	}
	return strconv.Itoa(y)
}

// peerPercent is a funding line's share of the cost, or unknown when the cost is.
func peerPercent(p *int) string {
	if p == nil {
		return "coût non renseigné"
	}
	return strconv.Itoa(*p) + " %"
}

// peerProjectLine is a shared project's status, countries, years and themes.
func peerProjectLine(pr sharing.Project) string {
	s := pr.Status + acctPrefixed(" · ", strings.Join(pr.Countries, ", "))
	if pr.StartYear != 0 {
		s += " · " + strconv.Itoa(pr.StartYear)
		if pr.EndYear != 0 {
			s += "–" + strconv.Itoa(pr.EndYear)
		}
	}
	return s + acctPrefixed(" · ", strings.Join(pr.Themes, ", "))
}
