package web

import (
	"context"
	"errors"
	"net/url"

	"boussole/internal/access"
	"boussole/internal/diagnostic"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// errNotFoundAPI is a path identifier that names nothing in the token's workspace.
var errNotFoundAPI = store.ErrNotFound

// apiStrategyData is what the API reads of one strategy, once per call, and turns into its JSON shapes.
type apiStrategyData struct {
	strategy.Framework
	whole              *strategy.Strategy // every part read, for those that combine several (the computed plan)
	stakeholderRecords []stakeholder.Record
	partnershipRecords []diagnostic.PartnershipRecord
	internal           bool       // the caller may read the diagnostic's parts
	query              url.Values // the request's filters
}

// apiReadStrategy reads a strategy of the token's workspace through the strategy aggregate, in one read
// transaction, with the parts the operation shows (a list of indicators does not read the stakeholder
// map) and the role may read: the diagnostic and the stakeholder map only for a role that may read
// internal content.
func (s *Server) apiReadStrategy(ctx context.Context, c *apiCall, id int64, parts strategy.Part) (*apiStrategyData, error) {
	internal := access.Can(c.Role, access.ViewInternal)
	if !internal {
		parts &^= strategy.PartDiagnostic | strategy.PartStakeholders
	}
	st, err := s.store.ReadStrategy(ctx, c.Authority.ID, id, parts)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNotFoundAPI
	}
	if err != nil {
		return nil, err
	}
	d := &apiStrategyData{Framework: st.Framework, whole: st, internal: internal}
	if internal {
		d.stakeholderRecords, d.partnershipRecords = st.Stakeholders.List, st.Diagnostic.Partnerships
	}
	return d, nil
}

func (d *apiStrategyData) geoPriorities() []apiGeoPriority {
	out := make([]apiGeoPriority, 0, len(d.Geo))
	for _, o := range d.Geo {
		out = append(out, toAPIGeoPriority(o))
	}
	return out
}

func (d *apiStrategyData) thematicPriorities() []apiThematicPriority {
	out := make([]apiThematicPriority, 0, len(d.Thematic))
	for _, o := range d.Thematic {
		out = append(out, toAPIThematicPriority(o))
	}
	return out
}

func (d *apiStrategyData) objectives() []apiObjective {
	out := make([]apiObjective, 0, len(d.Objectives))
	for _, o := range d.Objectives {
		out = append(out, toAPIObjective(o))
	}
	return out
}

func (d *apiStrategyData) results() []apiResult {
	out := make([]apiResult, 0, len(d.Results))
	for _, o := range d.Results {
		out = append(out, toAPIResult(o))
	}
	return out
}

func (d *apiStrategyData) activities() []apiActivity {
	out := make([]apiActivity, 0, len(d.Activities))
	for _, o := range d.Activities {
		out = append(out, toAPIActivity(o))
	}
	return out
}

func (d *apiStrategyData) indicators() []apiIndicator {
	out := make([]apiIndicator, 0, len(d.Indicators))
	for _, o := range d.Indicators {
		out = append(out, toAPIIndicator(o))
	}
	return out
}

func (d *apiStrategyData) risks() []apiRisk {
	out := make([]apiRisk, 0, len(d.Risks))
	for _, o := range d.Risks {
		out = append(out, toAPIRisk(o))
	}
	return out
}

func (d *apiStrategyData) stakeholders() []apiStakeholder {
	out := make([]apiStakeholder, 0, len(d.stakeholderRecords))
	for _, o := range d.stakeholderRecords {
		out = append(out, toAPIStakeholder(o))
	}
	return out
}

func (d *apiStrategyData) partnerships() []apiPartnership {
	out := make([]apiPartnership, 0, len(d.partnershipRecords))
	for _, o := range d.partnershipRecords {
		out = append(out, toAPIPartnership(o))
	}
	return out
}

func (d *apiStrategyData) swot() []apiSWOTItem {
	if !d.internal {
		return []apiSWOTItem{}
	}
	out := make([]apiSWOTItem, 0, len(d.SWOT))
	for _, o := range d.SWOT {
		out = append(out, toAPISWOTItem(o))
	}
	return out
}
