package schedule

import "strconv"

// NodeKind says whether a planning node is an activity or a milestone.
type NodeKind string

// Node kinds.
const (
	NodeActivity  NodeKind = "activite"
	NodeMilestone NodeKind = "jalon"
)

// Node is an activity or a milestone, as an anchor or an end of a dependency. The zero Node is none.
type Node struct {
	Kind NodeKind
	ID   int64
}

// IsZero reports whether the node names nothing.
func (n Node) IsZero() bool { return n.ID == 0 }

// Key is the node's identifier in the engine (Activity.ID) and in forms: « a12 » or « m3 ».
func (n Node) Key() string {
	if n.IsZero() {
		return ""
	}
	if n.Kind == NodeMilestone {
		return "m" + strconv.FormatInt(n.ID, 10)
	}
	return "a" + strconv.FormatInt(n.ID, 10)
}

// ParseNode reads a key written by Key; ok is false for anything else.
func ParseNode(key string) (Node, bool) {
	if len(key) < 2 {
		return Node{}, false
	}
	id, err := strconv.ParseInt(key[1:], 10, 64)
	if err != nil || id <= 0 {
		return Node{}, false
	}
	switch key[0] {
	case 'a':
		return Node{NodeActivity, id}, true
	case 'm':
		return Node{NodeMilestone, id}, true
	}
	return Node{}, false
}
