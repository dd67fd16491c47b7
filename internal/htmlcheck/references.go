package htmlcheck

import (
	"strings"
)

// idInfo is where an id was declared and on what.
type idInfo struct {
	line      int
	tag       string
	inputType string
}

// ref is an attribute that points at an id.
type ref struct {
	attr string
	id   string
	line int
}

// control is a form field whose only hope of a name is a <label for>.
type control struct {
	id   string
	line int
	desc string
}

// references collects ids and what points at them, which can only be checked
// once the whole page is read.
type references struct {
	ids      map[string]idInfo
	labelFor []ref
	labelled map[string]bool // ids named by some <label for>
	ariaRefs []ref
	controls []control
}

func newReferences() references {
	return references{ids: map[string]idInfo{}, labelled: map[string]bool{}}
}

// attributes records the ids and id references of a start tag and reports
// duplicate attributes.
func (r *references) attributes(t token, report func(int, string, ...any)) {
	seen := map[string]bool{}
	for _, a := range t.attrs {
		if seen[a.name] {
			report(a.line, "attribut « %s » en double dans <%s>", a.name, t.name)
		}
		seen[a.name] = true
		switch a.name {
		case "id":
			r.declare(t, a, report)
		case "aria-labelledby", "aria-describedby":
			for _, id := range strings.Fields(a.value) {
				r.ariaRefs = append(r.ariaRefs, ref{attr: a.name, id: id, line: a.line})
			}
		case "for":
			if t.name != "label" {
				continue
			}
			if a.value == "" {
				report(a.line, "<label for=\"\"> vide")
				continue
			}
			r.labelFor = append(r.labelFor, ref{attr: "for", id: a.value, line: a.line})
			r.labelled[a.value] = true
		}
	}
}

// declare records an id, reporting empty, spaced and duplicate ones.
func (r *references) declare(t token, a attr, report func(int, string, ...any)) {
	switch {
	case a.value == "":
		report(a.line, "id vide sur <%s>", t.name)
		return
	case strings.ContainsAny(a.value, " \t\n\r\f"):
		report(a.line, "id « %s » contient une espace", a.value)
	}
	if prev, dup := r.ids[a.value]; dup {
		report(a.line, "id « %s » en double (déjà utilisé ligne %d)", a.value, prev.line)
		return
	}
	r.ids[a.value] = idInfo{line: a.line, tag: t.name, inputType: strings.ToLower(attrValue(t, "type"))}
}

// check reports references to missing ids and fields left without a label.
func (r *references) check(report func(int, string, ...any)) {
	for _, l := range r.labelFor {
		target, ok := r.ids[l.id]
		switch {
		case !ok:
			report(l.line, "<label for=\"%s\"> : aucun élément n'a l'id « %s »", l.id, l.id)
		case !labelable[target.tag] || (target.tag == "input" && target.inputType == "hidden"):
			report(l.line, "<label for=\"%s\"> vise <%s>, qui ne peut pas être étiqueté", l.id, target.tag)
		}
	}
	for _, a := range r.ariaRefs {
		if _, ok := r.ids[a.id]; !ok {
			report(a.line, "%s : aucun élément n'a l'id « %s »", a.attr, a.id)
		}
	}
	for _, f := range r.controls {
		if !r.labelled[f.id] {
			report(f.line, "champ %s sans étiquette (label, aria-label ou aria-labelledby)", f.desc)
		}
	}
}
