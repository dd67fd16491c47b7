// Package document assembles the strategy's deliverables from the strategy itself: the strategy document the
// council votes on, « la stratégie en une page » for the élus and the public, and the draft deliberation
// (projet de délibération). It knows neither HTTP nor SQL: it turns a Source into a Doc, a list of sections
// made of plain blocks (paragraphs, lists, tables, figures), which WriteODT and WritePDF write in their
// format. Both formats show the same Doc, so what the council reads in one is what it reads in the other.
//
// A section whose content is empty still appears, with a note that says what is missing and which page of
// the product fills it in; a section whose capability the product does not have yet does not appear.
package document
