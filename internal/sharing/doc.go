// Package sharing is capitalisation by consent: what an authority shares of its strategy with the other
// authorities on the platform, the one filter that takes it from the strategy read model without any
// personal data, the library's search over shared strategies, the atlas of who cooperates where, and the
// copy of a peer's elements into one's own draft with their provenance.
//
// Nothing here knows HTTP or SQL: the store keeps shares as the filtered view this package builds, so what
// a peer reads is exactly what passed the filter, at the moment its author chose to share.
package sharing
