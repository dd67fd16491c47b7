package schedule

// Activity is one activity or milestone (jalon) to schedule.
type Activity struct {
	ID        string
	Name      string // used in messages; the ID when empty
	Milestone bool   // a milestone has no duration
	Duration  int    // days of the main period; > 0 for an activity, 0 for a milestone
	Prep      int    // days of preparation before the main period
	FollowUp  int    // days of follow-up after the main period
	Start     Date   // optional absolute start (not earlier than); zero when the start is only relative
}

// Term is the period the strategy covers, usually the mandature; End is exclusive.
type Term struct {
	Start, End Date
}

// Plan is everything the engine needs: the term, the activities and their dependencies.
type Plan struct {
	// Term gives the start of activities that nothing else constrains, and the bounds used for flags
	// (a zero End disables the "after the term" flag).
	Term         Term
	Activities   []Activity
	Dependencies []Dependency
	// Calendar counts lags in WorkingDays; the zero value is the national calendar.
	Calendar Calendar
}

func (a Activity) label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}
