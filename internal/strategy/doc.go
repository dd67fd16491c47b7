// Package strategy holds the whole of one strategy as its readers need it: the pages, the figures, the
// checks, and the outputs (the strategy document, exports, the public page, the API). The store fills a
// Strategy in one read transaction (store.ReadStrategy), so every part a reader sees belongs to the same
// moment; this package assembles the domain's views from it (the logframe the check runs on, the terms).
//
// A reader asks for the parts it shows (Part), not for everything: the list of risks needs the framework,
// not the map of actors.
package strategy
