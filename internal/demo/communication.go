package demo

import (
	"context"

	"boussole/internal/communication"
	"boussole/internal/store"
)

// loadCommunication adds the communication plan of the elaboration year, internal and external.
func loadCommunication(ctx context.Context, st *store.Store, fx *Fixture) error {
	plan := []communication.Action{
		{Kind: communication.PublishedCalendar, Title: "Calendrier des actions internationales sur la page publique", Start: day(2026, 9, 1),
			Owner: "Direction de la communication", Audience: "Habitants", Done: true},
		{Kind: communication.PublicConsultation, Title: "Consultation « Belval dans le monde »", Start: day(2026, 10, 5), End: day(2026, 10, 30),
			Owner: "Mission relations internationales", Audience: "Habitants, entreprises, écoles, associations", Done: true},
		{Kind: communication.SocialNetworks, Title: "Série « Nos partenaires » sur les réseaux de l'agglomération", Start: day(2026, 11, 2), End: day(2027, 2, 26),
			Owner: "Direction de la communication", Audience: "Grand public"},
		{Kind: communication.YouthActions, Title: "Semaine de la solidarité internationale dans les lycées", Start: day(2026, 11, 16), End: day(2026, 11, 20),
			Owner: "Mission jeunesse", Audience: "Lycéens"},
		{Kind: communication.ThematicCafe, Title: "Café thématique des agents : l'eau à Ziguinchor", Start: day(2027, 1, 21),
			Owner: "Direction de l'eau et de l'assainissement", Audience: "Agents et élus"},
		{Kind: communication.Hosting, Title: "Accueil de deux volontaires de Ziguinchor", Start: day(2027, 4, 1), End: day(2027, 9, 30),
			Owner: "Mission relations internationales", Audience: "Services de l'agglomération", Notes: "Avec France Volontaires."},
	}
	for i := range plan {
		plan[i].AuthorityID = fx.Authority.ID
		if err := st.SaveCommunicationAction(ctx, fx.Actor, &plan[i]); err != nil {
			return err
		}
	}
	return nil
}
