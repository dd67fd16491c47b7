package schedule

// AnchorDependency is the one statement of the rule « a relative start is a dependency on its anchor »: an
// activity that starts relative to another activity or a milestone depends on it, start to start when
// counted from the anchor's start, finish to start when counted from its end, with the offset as the lag.
// ok is false for an absolute start and for a relative start whose anchor was deleted.
func (s ScheduleRecord) AnchorDependency() (d Dependency, ok bool) {
	if s.StartKind != StartRelative || s.Anchor.IsZero() {
		return Dependency{}, false
	}
	kind := FinishToStart
	if s.AnchorEdge == EdgeStart {
		kind = StartToStart
	}
	return Dependency{From: s.Anchor.Key(), To: s.Node().Key(), Kind: kind, Lag: Lag{N: s.OffsetN, Unit: s.OffsetUnit}}, true
}
