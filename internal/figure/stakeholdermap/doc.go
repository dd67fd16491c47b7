// Package stakeholdermap draws the stakeholder map as server-side SVG: the power/interest grid, the salience
// diagram and the network of relations. Each figure has a title, a description and a text alternative that
// carries the same content as a table, for screen readers and for anyone who prefers reading to looking.
package stakeholdermap
