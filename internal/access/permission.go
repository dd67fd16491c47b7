package access

// Action is something a person may do in a workspace.
type Action string

// Actions checked by the web layer. Each names a family of pages or forms, not a single URL.
const (
	ViewWorkspace   Action = "view-workspace"    // see the workspace's home and the strategy
	ViewInternal    Action = "view-internal"     // see content not shared with partners
	EditContent     Action = "edit-content"      // change diagnostic, stakeholders, framework, plans
	EditOwnService  Action = "edit-own-service"  // update what concerns one's own service (indicators, activities)
	Comment         Action = "comment"           // leave comments and decisions
	ManageStrategy  Action = "manage-strategy"   // create strategies, adopt, freeze
	ManageMembers   Action = "manage-members"    // invite, change roles, remove members
	ManageGrants    Action = "manage-grants"     // grant or revoke an accompagnateur
	ViewAuditLog    Action = "view-audit-log"    // read and export the audit log
	ViewMemberList  Action = "view-member-list"  // see who belongs to the workspace
	ViewAccessQueue Action = "view-access-queue" // see requests to join the workspace
)

// Actions lists every action, for tests and for the documentation page.
var Actions = []Action{ViewWorkspace, ViewInternal, EditContent, EditOwnService, Comment, ManageStrategy,
	ManageMembers, ManageGrants, ViewAuditLog, ViewMemberList, ViewAccessQueue}

// table is the single permission table of Boussole: a role may do exactly the actions listed for it.
var table = map[Role][]Action{
	Admin: {ViewWorkspace, ViewInternal, EditContent, EditOwnService, Comment, ManageStrategy,
		ManageMembers, ManageGrants, ViewAuditLog, ViewMemberList, ViewAccessQueue},
	Agent:          {ViewWorkspace, ViewInternal, EditContent, EditOwnService, Comment, ManageStrategy, ViewMemberList},
	Elected:        {ViewWorkspace, ViewInternal, Comment, ViewMemberList},
	Referent:       {ViewWorkspace, ViewInternal, EditOwnService, Comment, ViewMemberList},
	Partner:        {ViewWorkspace},
	Reader:         {ViewWorkspace, ViewInternal},
	Accompagnateur: {ViewWorkspace, ViewInternal, Comment},
}

// Can reports whether a role may perform an action. An unknown role may do nothing.
func Can(r Role, a Action) bool {
	for _, x := range table[r] {
		if x == a {
			return true
		}
	}
	return false
}
