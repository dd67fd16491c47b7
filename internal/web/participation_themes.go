package web

import (
	"net/http"
	"strings"

	"boussole/internal/consultation"
)

func init() { auditLabels["contribution"]["thèmes"] = lbl("Thèmes") }

// ThemesText is the contribution's themes as the team types them.
func (m moderationItem) ThemesText() string { return strings.Join(m.K.Themes, ", ") }

// fileContributionThemes files a contribution under the themes the team typed, to group the open answers;
// the author is not written to, as nothing changes for them.
func (s *Server) fileContributionThemes(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	id, ok := pathID(r, "contribution")
	if !ok {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	k, err := s.store.Contribution(r.Context(), ws.Authority.ID, id)
	if err != nil || k.ConsultationID != c.ID {
		s.notFound(w, r)
		return
	}
	themes, msg := consultation.ParseThemes(f.Get("themes"))
	if msg != "" {
		f.Fail("themes", msg)
		f.Values.Set("state", string(k.State))
		f.Values.Set("reason", k.HiddenReason)
		s.renderContribution(w, r, ws, c, k, f)
		return
	}
	if err := s.store.SetContributionThemes(r.Context(), actor(r), ws.Authority.ID, c.ID, id, themes); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	back := f.Get("retour")
	if back == "" || back[0] != '?' {
		back = "?etat=" + string(k.State)
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"/moderation"+back+"&ok=themes#contribution-"+itoa(int(id)))
}
