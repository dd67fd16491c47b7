package logframe

// LinkedElement is an objective or a result seen from what it links to (a SWOT item, a stakeholder), with
// its number in its strategy's framework.
type LinkedElement struct {
	Ref           Ref
	Number        string // « 2 », « 2.1 »
	Title         string
	StrategyID    int64
	StrategyTitle string
}

// PriorityRef names a geographic priority that builds on a partnership of the register, with its strategy:
// what the partnership's page lists before it may be deleted.
type PriorityRef struct {
	ID            int64
	Name          string
	StrategyTitle string
}
