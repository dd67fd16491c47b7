package model

import "strings"

// ServedBy reports whether the schedule's service is service, the one a référent·e de service belongs to: a
// référent may update the progress of those activities only. Case and surrounding spaces are ignored, as
// both are typed by hand; an empty service matches nothing, so a référent without a service edits nothing.
func (s ActivitySchedule) ServedBy(service string) bool {
	mine, theirs := strings.TrimSpace(service), strings.TrimSpace(s.Service)
	return mine != "" && strings.EqualFold(mine, theirs)
}
