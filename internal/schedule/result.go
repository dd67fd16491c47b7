package schedule

// Timing is the computed schedule of one activity or milestone. Finish dates are exclusive.
type Timing struct {
	ID, Name  string
	Milestone bool
	// Start and Finish are the earliest dates, the ones the plan uses.
	Start, Finish Date
	// LateStart and LateFinish are the latest dates that keep the project's finish.
	LateStart, LateFinish Date
	PrepStart             Date // Start minus the preparation period
	FollowUpEnd           Date // Finish plus the follow-up period
	Slack                 int  // total slack in days
	Critical              bool // zero slack: any delay delays the project
	BeforeTerm            bool // preparation or start before the term's start
	AfterTerm             bool // follow-up or finish after the term's end
}

// Result is a computed schedule.
type Result struct {
	Timings       []Timing // in the plan's order
	Start, Finish Date     // earliest start and project finish of the main periods
	// CriticalPath is one chain of zero-slack activities, each driving the next, ending at the project finish.
	CriticalPath []string
	index        map[string]int
}

// Timing returns the schedule of the activity with the given ID.
func (r *Result) Timing(id string) (Timing, bool) {
	i, ok := r.index[id]
	if !ok {
		return Timing{}, false
	}
	return r.Timings[i], true
}
