package demo

import (
	"context"

	"boussole/internal/document"
	"boussole/internal/store"
)

// loadDocuments sets the strategy document's choices as an officer would before the council: the free texts
// that open two sections.
func loadDocuments(ctx context.Context, st *store.Store, fx *Fixture) error {
	set := document.Settings{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID, Choice: document.Choice{
		Text: map[document.SectionKey]string{
			document.SecContext: "Grand Belval Agglomération est jumelée avec Talheim am Main depuis 1972 et coopère avec la commune de " +
				"Ziguinchor, au Sénégal, depuis 2004. Cette stratégie rassemble ces relations, et celles nouées depuis au Maroc, " +
				"au Viêt Nam et en Italie, sous des objectifs communs pour la mandature 2026–2032.",
			document.SecMonitoring: "Un comité de pilotage réunit chaque année les élus, les services et les partenaires pour examiner les " +
				"indicateurs et décider des ajustements ; l'évaluation à mi-parcours nourrit la révision de la stratégie.",
		}}}
	return st.SaveDocumentSettings(ctx, fx.Actor, &set)
}
