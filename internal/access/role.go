// Package access holds who may do what in an authority's workspace: the roles and the one permission table.
package access

// Role is a person's role in one authority's workspace.
type Role string

// The roles of the foundation issue. Accompagnateur is not a membership: it is a revocable grant an
// authority gives an expert or a network, and carries the same table row as any role.
const (
	Admin          Role = "admin"
	Agent          Role = "agent"
	Elected        Role = "elu"
	Referent       Role = "referent"
	Partner        Role = "partenaire"
	Reader         Role = "lecteur"
	Accompagnateur Role = "accompagnateur"
)

// MemberRoles are the roles an administrator can give through an invitation, in display order.
var MemberRoles = []Role{Admin, Agent, Elected, Referent, Partner, Reader}

var roleLabels = map[Role]string{
	Admin:          "Administrateur·rice",
	Agent:          "Chargé·e de mission",
	Elected:        "Élu·e",
	Referent:       "Référent·e de service",
	Partner:        "Partenaire",
	Reader:         "Lecteur·rice",
	Accompagnateur: "Accompagnateur·rice",
}

var roleHelp = map[Role]string{
	Admin:          "gère les membres, les accès et tout le contenu",
	Agent:          "conduit la démarche au quotidien et modifie tout le contenu",
	Elected:        "lit, commente et décide ; porte la délibération",
	Referent:       "suit et met à jour ce qui concerne son service",
	Partner:        "voit seulement ce qui est partagé avec les partenaires",
	Reader:         "lit sans modifier",
	Accompagnateur: "accompagne la collectivité, avec son accord révocable",
}

// Label returns the French name of the role.
func (r Role) Label() string { return roleLabels[r] }

// Help returns a short French sentence saying what the role does.
func (r Role) Help() string { return roleHelp[r] }

// Valid reports whether r is a role a member can hold.
func (r Role) Valid() bool {
	for _, m := range MemberRoles {
		if r == m {
			return true
		}
	}
	return false
}
