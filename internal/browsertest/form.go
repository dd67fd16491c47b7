package browsertest

import (
	"github.com/chromedp/chromedp"
)

// findFieldScript returns the form control named by its label text, then by
// its name, id or aria-label. Label text is compared without extra spaces,
// first exactly, then as a prefix so that « Nom (obligatoire) » answers « Nom ».
const findFieldScript = `const norm = s => (s || "").replace(/\s+/g, " ").trim();
const findField = wanted => {
	const w = norm(wanted);
	const labels = Array.from(document.querySelectorAll("label"));
	const label = labels.find(l => norm(l.textContent) === w) ||
		labels.find(l => norm(l.textContent).startsWith(w));
	if (label && label.control) return label.control;
	const controls = Array.from(document.querySelectorAll("input, select, textarea"));
	return controls.find(c => c.name === wanted) ||
		controls.find(c => c.id === wanted) ||
		controls.find(c => norm(c.getAttribute("aria-label")) === w) || null;
};`

// fillScript sets a field's value as typing would, firing input and change;
// for a select, value may be an option's value or its text.
const fillScript = `(function(wanted, value) {
	` + findFieldScript + `
	const el = findField(wanted);
	if (!el) return "champ « " + wanted + " » introuvable";
	if (el.disabled || el.readOnly) return "champ « " + wanted + " » non modifiable";
	if (el.type === "checkbox" || el.type === "radio") return "case « " + wanted + " » : utiliser SetChecked";
	if (el.tagName === "SELECT") {
		const opt = Array.from(el.options).find(o => o.value === value || norm(o.text) === norm(value));
		if (!opt) return "liste « " + wanted + " » sans option « " + value + " »";
		el.value = opt.value;
	} else {
		el.value = value;
	}
	el.dispatchEvent(new Event("input", {bubbles: true}));
	el.dispatchEvent(new Event("change", {bubbles: true}));
	return "";
})`

// checkScript ticks or unticks a checkbox or radio button.
const checkScript = `(function(wanted, on) {
	` + findFieldScript + `
	const el = findField(wanted);
	if (!el || (el.type !== "checkbox" && el.type !== "radio")) return "case « " + wanted + " » introuvable";
	el.checked = on;
	el.dispatchEvent(new Event("change", {bubbles: true}));
	return "";
})`

// Fill sets the value of the field found by its label text, name, id or
// aria-label; a select takes an option's value or text.
func (b *Browser) Fill(field, value string) {
	b.t.Helper()
	if msg := run(b, "saisie de « "+field+" »", chromedp.Evaluate[string](call(fillScript, field, value))); msg != "" {
		b.t.Fatalf("navigateur : %s", msg)
	}
}

// SetChecked ticks (on) or unticks the checkbox or radio button found like
// Fill finds a field.
func (b *Browser) SetChecked(field string, on bool) {
	b.t.Helper()
	if msg := run(b, "case « "+field+" »", chromedp.Evaluate[string](call(checkScript, field, on))); msg != "" {
		b.t.Fatalf("navigateur : %s", msg)
	}
}

// Value returns the current value of a field found like Fill finds it.
func (b *Browser) Value(field string) string {
	b.t.Helper()
	script := call(`(function(wanted) { `+findFieldScript+` const el = findField(wanted); return el ? el.value : null; })`, field)
	v := run(b, "lecture de « "+field+" »", chromedp.Evaluate[*string](script))
	if v == nil {
		b.t.Fatalf("navigateur : champ « %s » introuvable", field)
		return ""
	}
	return *v
}
