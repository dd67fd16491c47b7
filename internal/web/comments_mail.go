package web

import (
	"net/http"
	"strconv"

	"boussole/internal/model"
)

// mailMentions tells each newly mentioned person by email, when a mail server is configured. Without one
// nothing is written to the log: the notification in the application is enough, and a comment's text has
// no place in a log file. A failed delivery is logged and does not undo the comment.
func (s *Server) mailMentions(r *http.Request, ws *workspace, c model.Comment, title string, notified []int64, people []model.Participant) {
	if len(notified) == 0 || !s.mail.Configured() {
		return
	}
	author := currentUser(r).Name
	link := s.cfg.BaseURL + elementURL(ws, c.Kind, c.ElementID) + "#commentaire-" + strconv.FormatInt(c.ID, 10)
	subject := "Boussole : " + author + " vous a mentionné·e"
	body := author + " vous a mentionné·e dans un commentaire sur " + c.Kind.Noun() + " « " + title + " » (" + ws.Authority.Name + ") :\n\n" +
		c.Text + "\n\nPour lire et répondre : " + link + "\n\nVous recevez ce courriel parce que vous êtes membre de l'espace " + ws.Authority.Name + " sur Boussole.\n"
	for _, uid := range notified {
		for _, p := range people {
			if p.UserID != uid || p.Email == "" {
				continue
			}
			if err := s.mail.Send(p.Email, subject, body); err != nil {
				s.log.Warn("courriel de mention non envoyé", "err", err)
			}
		}
	}
}
