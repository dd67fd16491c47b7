// Package logframe holds a strategy's logical framework as the check needs it (key elements, objectives,
// results, activities, indicators, assumptions, risks, SWOT links, geographic priorities) and the check that
// tests its logic, following the guide's « cadre logique comme outil ».
//
// It is plain Go: storage and web layers load a Strategy, call Check, Validate* or the tree operations, and
// turn each Ref into a link. Every text a user sees is French. The framework's stored records
// (ObjectiveRecord, ActivityRecord…, record.go) live here too, each embedding the value the check reads.
package logframe
