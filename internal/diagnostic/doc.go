// Package diagnostic holds the first two steps of the guide's method: the awareness work with élus and services
// (argument, sessions, principles, conditions facilitantes) and the diagnostic (AFOM/SWOT matrix, review of the
// partnerships already running abroad, and a summary of both).
//
// It is plain Go: no HTTP, no SQL. The web and storage layers build on it.
package diagnostic
