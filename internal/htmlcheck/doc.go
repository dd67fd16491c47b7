// Package htmlcheck checks that server-rendered HTML5 pages are well-formed
// and carry the accessibility basics that a template can get wrong: a doctype,
// <html lang>, a <title>, properly nested and closed elements, quoted
// attribute values, unique ids, labels that point at existing fields, images
// with alt and form controls with an accessible name.
//
// HTML5 lets some end tags be omitted (</p>, </li>, </td>, </tr>, </option>…).
// This checker deliberately requires every non-void element to be closed
// explicitly: Boussole's templates always close them, and a strict rule keeps
// the checker small and its messages unambiguous. It still reports the cases
// where a browser would close an element on its own, such as a <div> opened
// inside a <p>, because the page then differs from what the template says.
//
// Inline SVG and MathML follow the foreign-content rules: any element may be
// self-closed there with "/>", and an SVG <title> is not the page title.
package htmlcheck
