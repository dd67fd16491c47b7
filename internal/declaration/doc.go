// Package declaration builds the outputs an authority hands to others about its international spending:
// the IATI 2.03 activity file of its funded projects. It reads a strategy as the read model gives it and
// never a page or the database.
package declaration
