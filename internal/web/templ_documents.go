package web

// onePageLead is the one-page summary's lead: what it is, then the cover's lines.
func onePageLead(lines []string) string {
	s := "La stratégie en une page"
	for _, l := range lines {
		s += " · " + l
	}
	return s
}
