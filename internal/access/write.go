package access

// readOnly are the actions that change nothing: what a read-only API token may do.
var readOnly = map[Action]bool{ViewWorkspace: true, ViewInternal: true, ReadComments: true, ViewAuditLog: true,
	ViewMemberList: true, ViewAccessQueue: true, ReadPeers: true, ExportWorkspace: true}

// Writes reports whether an action changes what the workspace holds.
func (a Action) Writes() bool { return !readOnly[a] }

// Writes is Action.Writes as a function.
func Writes(a Action) bool { return a.Writes() }
