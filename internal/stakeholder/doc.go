// Package stakeholder holds the guide's stakeholder mapping: kinds of actors, the prioritisation criteria
// (power by kind, legitimacy, interest, context), the priority computed from them (salience class and
// power/interest quadrant, each explained in French), the authority's engagement, and relations between actors.
//
// It is plain domain code: no HTTP, no SQL. Storage and web layers depend on it, never the reverse.
package stakeholder
