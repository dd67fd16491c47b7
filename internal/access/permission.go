package access

// Action is something a person may do in a workspace.
type Action string

// Actions checked by the web layer. Each names a family of pages or forms, not a single URL.
const (
	ViewWorkspace   Action = "view-workspace"    // see the workspace's home and the strategy
	ViewInternal    Action = "view-internal"     // see content not shared with partners
	EditContent     Action = "edit-content"      // change diagnostic, stakeholders, framework, plans
	EditOwnService  Action = "edit-own-service"  // update what concerns one's own service (indicators, activities)
	ReadComments    Action = "read-comments"     // read the comments on what one may read
	Comment         Action = "comment"           // comment on what one may read, reply, mark a comment handled
	Mention         Action = "mention"           // mention members in a comment (shows who belongs to the workspace)
	ManageStrategy  Action = "manage-strategy"   // create strategies, adopt, freeze
	ManageMembers   Action = "manage-members"    // invite, change roles, remove members
	ManageGrants    Action = "manage-grants"     // grant or revoke an accompagnateur
	ViewAuditLog    Action = "view-audit-log"    // read and export the audit log
	ViewMemberList  Action = "view-member-list"  // see who belongs to the workspace
	ViewAccessQueue Action = "view-access-queue" // see requests to join the workspace
	ManageSharing   Action = "manage-sharing"    // choose what the authority shares with its peers, withdraw it
	ReadPeers       Action = "read-peers"        // read the library of peers' shared strategies and the atlas
	// RecordMeasurement enters an indicator's measurements: a référent only for the indicators they own.
	RecordMeasurement Action = "record-measurement"
	// ValidateMeasurement reviews, validates and locks measurements, corrects a locked one with a reason,
	// imports measurements and names each indicator's owner.
	ValidateMeasurement Action = "validate-measurement"
	// ManageParticipation: run consultations (create, open, close, moderate, synthesise) and choose what
	// the public page shows.
	ManageParticipation Action = "manage-participation"
	// ViewContributors: see contributors' personal data (pseudonym, email), which the RGPD notice says
	// only the team running the consultation reads.
	ViewContributors Action = "view-contributors"
	// ExportWorkspace downloads the whole workspace as one archive: every record, the members' emails, the
	// contributors' personal data, the journal. The administrator's alone, like the members and the journal.
	ExportWorkspace Action = "export-workspace"
)

// Actions lists every action, for tests and for the documentation page.
var Actions = []Action{ViewWorkspace, ViewInternal, EditContent, EditOwnService, Comment, ManageStrategy,
	ManageMembers, ManageGrants, ViewAuditLog, ViewMemberList, ViewAccessQueue, ReadComments, Mention, ManageSharing, ReadPeers,
	RecordMeasurement, ValidateMeasurement, ManageParticipation, ViewContributors, ExportWorkspace}

// table is the single permission table of Boussole: a role may do exactly the actions listed for it.
// Comments follow what they are about: ReadComments and Comment apply only to elements the role may read
// (a partner, who cannot read the stakeholder map, neither reads nor writes comments there). Partners
// comment but do not mention, since mentioning would show them the member list.
var table = map[Role][]Action{
	Admin: {ViewWorkspace, ViewInternal, EditContent, EditOwnService, Comment, ManageStrategy,
		ManageMembers, ManageGrants, ViewAuditLog, ViewMemberList, ViewAccessQueue, ReadComments, Mention, ManageSharing, ReadPeers,
		RecordMeasurement, ValidateMeasurement, ManageParticipation, ViewContributors, ExportWorkspace},
	Agent: {ViewWorkspace, ViewInternal, EditContent, EditOwnService, Comment, ManageStrategy, ViewMemberList, ReadComments, Mention, ReadPeers,
		RecordMeasurement, ValidateMeasurement, ManageParticipation, ViewContributors},
	Elected:        {ViewWorkspace, ViewInternal, Comment, ViewMemberList, ReadComments, Mention, ReadPeers},
	Referent:       {ViewWorkspace, ViewInternal, EditOwnService, Comment, ViewMemberList, ReadComments, Mention, ReadPeers, RecordMeasurement},
	Partner:        {ViewWorkspace, Comment, ReadComments},
	Reader:         {ViewWorkspace, ViewInternal, ReadComments, ReadPeers},
	Accompagnateur: {ViewWorkspace, ViewInternal, Comment, ReadComments, Mention, ReadPeers},
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
