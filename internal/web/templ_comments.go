package web

import (
	"strconv"

	"boussole/internal/comment"
	"boussole/internal/frfmt"
)

// Texts of the comments block (components_comments.templ), built in Go so that templ's line breaks add
// no space inside a sentence.

func commentsHeading(count int) string {
	if count == 0 {
		return "Commentaires"
	}
	return "Commentaires (" + strconv.Itoa(count) + ")"
}

// commentsEmptyText is what an element without comments says, and how to start.
func commentsEmptyText(b *commentBlock) string {
	s := "Aucun commentaire pour l'instant."
	if b.CanWrite {
		s += " Posez une question, signalez un point à revoir ou donnez votre avis ci-dessous"
		if b.CanMention {
			s += " ; pour prévenir quelqu'un, écrivez @ suivi de son nom"
		}
		s += ". Chacun peut ensuite répondre et marquer le commentaire « traité »."
	}
	return s
}

func commentHintText(b *commentBlock) string {
	s := b.MaxLength + " caractères au plus."
	if b.CanMention {
		s += " Pour prévenir quelqu'un, écrivez @ suivi de son nom ou de son adresse : il ou elle reçoit une notification."
	}
	return s
}

// commentDatesText says when a comment was written and, if so, last edited.
func commentDatesText(c commentItem) string {
	s := "le " + frfmt.DateTime(c.CreatedAt)
	if !c.EditedAt.IsZero() {
		s += " (modifié le " + frfmt.DateTime(c.EditedAt) + ")"
	}
	return s
}

func commentReplyLabel(to string) string {
	if to == "" {
		return "Votre réponse"
	}
	return "Votre réponse à " + to
}

// commentsCountText counts the list's comments and says which page this is.
func commentsCountText(d commentsListPage) string {
	s := strconv.Itoa(d.Total) + " commentaire" + plural(d.Total, "s")
	if d.Pages > 1 {
		s += ", page " + strconv.Itoa(d.Page) + " sur " + strconv.Itoa(d.Pages)
	}
	return s + "."
}

// commentsNoneText is what an empty list says, for its filter.
func commentsNoneText(filter string) string {
	switch filter {
	case "traite":
		return "Aucun commentaire n'est encore marqué traité."
	case "a-traiter":
		return "Aucun commentaire à traiter : tout est traité, ou personne n'a encore commenté."
	}
	return "Personne n'a encore commenté la stratégie."
}

func notificationsUnreadText(unread int) string {
	if unread == 0 {
		return "Tout est lu."
	}
	return strconv.Itoa(unread) + " non lue" + plural(unread, "s") + "."
}

// notificationWhatText says what happened, when, and on what kind of element.
func notificationWhatText(n notificationRow) string {
	at := frfmt.DateTime(n.CreatedAt)
	if n.Reply() {
		return "a répondu à votre commentaire le " + at + " sur " + n.Noun
	}
	return "vous a mentionné·e le " + at + " dans un commentaire sur " + n.Noun
}

// commentStateAction is the label of the button that flips a comment's state.
func commentStateAction(s comment.State) string {
	if s == comment.Handled {
		return "Remettre à traiter"
	}
	return "Marquer comme traité"
}
