// Package schedule computes the dates of a strategy's activities and milestones from their durations and
// dependencies: earliest and latest dates, slack, the critical path, and what falls outside the term.
//
// Conventions: every Finish is exclusive (an activity of 3 days starting on the 1st finishes on the 4th, its last
// day being the 3rd), as in iCalendar; a milestone has Start == Finish. Dependencies tie the activity's main period;
// the optional preparation and follow-up periods sit before and after it and only count for display and the term
// flags. An absolute start date means "not earlier than": a dependency can still push the activity later.
//
// The package also owns the planning's stored records (ScheduleRecord, MilestoneRecord, DependencyRecord) and
// builds the engine's Plan from them (Records.Plan), with the rule that a relative start is a dependency on
// its anchor (ScheduleRecord.AnchorDependency): storage, pages and documents all go through these.
package schedule
