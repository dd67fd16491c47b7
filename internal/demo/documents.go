package demo

import (
	"bytes"
	"context"
	"time"

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
	if err := st.SaveDocumentSettings(ctx, fx.Actor, &set); err != nil {
		return err
	}
	return adoptPast(ctx, st, fx)
}

// adoptPast records the vote of 17 December 2020 on the previous strategy, so the documents page shows a
// frozen version with its hash beside the draft of the next one.
func adoptPast(ctx context.Context, st *store.Store, fx *Fixture) error {
	whole, err := st.ReadStrategy(ctx, fx.Authority.ID, fx.Past.ID, document.Parts)
	if err != nil {
		return err
	}
	vote := document.Vote{On: fx.Past.AdoptedOn, Body: "conseil communautaire", Number: "2020-12-087", Result: "adoptée, 61 voix pour, 4 abstentions"}
	src := document.FromStrategy(whole, "/ct/"+fx.Authority.Slug, time.Date(2020, 12, 18, 9, 0, 0, 0, time.UTC))
	d, snap, hash, err := document.Freeze(src, document.Choice{}, vote)
	if err != nil {
		return err
	}
	var odt, pdf bytes.Buffer
	if err := document.WriteODT(&odt, d, fx.Authority.Name, src.Generated); err != nil {
		return err
	}
	if err := document.WritePDF(&pdf, d, fx.Authority.Name, src.Generated); err != nil {
		return err
	}
	rec := document.Adopted{AuthorityID: fx.Authority.ID, StrategyID: fx.Past.ID, Vote: vote, Hash: hash, Snapshot: snap, ODT: odt.Bytes(), PDF: pdf.Bytes()}
	return st.RecordAdoption(ctx, fx.Actor, &rec)
}
