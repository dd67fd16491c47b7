package demo

import (
	"context"

	"boussole/internal/steering"
	"boussole/internal/store"
)

// loadMeetings adds the four meetings of the elaboration: two steering committees, a consultation
// workshop and a thematic café, with stakeholders of the actors map invited and present.
func loadMeetings(ctx context.Context, st *store.Store, fx *Fixture) error {
	actors, err := st.Stakeholders(ctx, fx.Authority.ID)
	if err != nil {
		return err
	}
	ids := make([]int64, len(actors))
	for i, a := range actors {
		ids[i] = a.ID
	}
	pick := func(from, n int) []int64 {
		var out []int64
		for i := from; i < from+n && i < len(ids); i++ {
			out = append(out, ids[i])
		}
		return out
	}
	meetings := []steering.Meeting{
		{Kind: steering.Committee, Title: "Comité de pilotage de lancement", Date: day(2026, 3, 12), Place: "Salle du conseil communautaire",
			Agenda:    "Bilan de la stratégie 2020–2026 ; calendrier d'élaboration ; composition des groupes de travail.",
			Minutes:   "Le comité valide le calendrier proposé par la mission relations internationales et demande un diagnostic partagé avec les associations.",
			Decisions: "Constituer deux groupes de travail (eau, jeunesse) — mission RI, avril 2026\nLancer la consultation citoyenne à l'automne — direction de la communication",
			Invited:   pick(0, 8), Attended: pick(0, 6)},
		{Kind: steering.Workshop, Title: "Atelier de concertation : eau et assainissement", Date: day(2026, 5, 20), Place: "Maison des associations", Online: true,
			Agenda:    "Retour sur dix ans de coopération avec Ziguinchor ; pistes pour un projet FICOL.",
			Minutes:   "Les participants demandent un suivi public des réalisations et l'association des lycées techniques.",
			Decisions: "Préparer une note d'intention FICOL — direction de l'eau, septembre 2026",
			Invited:   pick(2, 10), Attended: pick(3, 7)},
		{Kind: steering.Cafe, Title: "Café thématique « Belval dans le monde »", Date: day(2026, 10, 15), Place: "Médiathèque de Belval",
			Agenda:  "Présenter la consultation citoyenne et recueillir les premières réactions.",
			Minutes: "Une quarantaine d'habitants ; beaucoup de questions sur les échanges de jeunes.",
			Invited: pick(5, 6), Attended: pick(5, 4)},
		{Kind: steering.Committee, Title: "Comité de pilotage 2027", Date: day(2027, 6, 24), Place: "Salle du conseil communautaire", Online: true,
			Agenda: "Premier bilan annuel de la stratégie ; programme de mobilité des jeunes ; dossier FICOL.", Invited: pick(0, 9)},
	}
	for i := range meetings {
		meetings[i].AuthorityID = fx.Authority.ID
		if err := st.SaveMeeting(ctx, fx.Actor, &meetings[i]); err != nil {
			return err
		}
	}
	return nil
}
