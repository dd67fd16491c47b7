// Package declaration builds the outputs an authority hands to others about its international spending:
// the yearly declaration of its official development assistance to the State (e-APD, eapd.go) and the
// IATI 2.03 activity file of its funded projects (iati.go, iati_results.go). It reads strategies as the
// read model gives them and never a page or the database.
package declaration
