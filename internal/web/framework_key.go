package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"unicode/utf8"

	"boussole/internal/access"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// guideDimensions are the dimensions the guide lists, offered as suggestions.
var guideDimensions = []string{"Coopération dans le cadre des programmes européens", "Coopération décentralisée", "Solidarité internationale",
	"Mobilité des jeunes", "Jumelages", "Intégration de réseaux", "Aide d'urgence"}

// geoReasons are the reasons the guide gives for a geographic priority.
var geoReasons = []string{"Relation existante", "Diaspora", "Histoire", "Affinité stratégique", "Potentiel de développement", "Relations entre services"}

// policies are the competences and public policies a thematic priority ties to.
var policies = []string{"Culture", "Économie", "Sport", "Jeunesse", "Petite enfance", "Éducation", "Eau et assainissement", "Climat", "Mobilité",
	"Santé", "Environnement", "Agriculture et alimentation", "Tourisme", "Enseignement supérieur et recherche", "Solidarité et action sociale", "Urbanisme et habitat"}

// extraRows is how many empty rows the values and dimensions lists offer for new entries.
const extraRows = 2

func (s *Server) showKeyElements(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "strategie")
	if !ok {
		return
	}
	fm := keyForm(f.Key)
	if id := r.URL.Query().Get("partenariat"); id != "" && access.Can(ws.Role, access.EditContent) {
		// From the register's « priorité géographique » link: the form opens on that partner, chosen.
		fm.Values.Set("geo_form", "1")
		fm.Values.Set("type", geoFromRegister)
		fm.Values.Set("partenariat", id)
		fm.Values.Set("raison", "Relation existante")
	}
	s.renderKeyElements(w, r, ws, f, fm, http.StatusOK)
}

// geoFromRegister is the form's fourth choice: a partner of the diagnostic's register, so a partner is
// entered once and its priority takes its name and country from the register.
const geoFromRegister = "registre"

// registerChoice is one partner of the register offered to a geographic priority.
type registerChoice struct {
	ID    int64
	Label string
}

// registerChoices lists the register's partners with their countries, for the priority form's picker.
func registerChoices(list []diagnostic.PartnershipRecord) []registerChoice {
	out := make([]registerChoice, len(list))
	for i, p := range list {
		where := countryNames(p.Partnership.Countries)
		if where == "" {
			where = "sans pays"
		}
		out[i] = registerChoice{ID: p.ID, Label: p.Partnership.Partner + " — " + where}
	}
	return out
}

// register loads the register for the priority form of someone who may edit; others see no form.
func (s *Server) register(r *http.Request, ws *workspace) ([]diagnostic.PartnershipRecord, error) {
	if !access.Can(ws.Role, access.EditContent) {
		return nil, nil
	}
	return s.store.Partnerships(r.Context(), ws.Authority.ID)
}

// keyForm fills the key elements form from what is stored.
func keyForm(k logframe.KeyElementsRecord) *form {
	fm := newForm(nil)
	fm.Values.Set("vision", k.Vision)
	fm.Values.Set("mission", k.Mission)
	fm.Values.Set("projet_politique", k.PoliticalProject)
	fm.Values.Set("objectif_general", k.GeneralTitle)
	fm.Values.Set("objectif_general_description", k.GeneralText)
	fm.Values.Set("version", strconv.FormatInt(k.Version, 10))
	for i, v := range k.Values {
		n := strconv.Itoa(i + 1)
		fm.Values.Set("valeur_"+n, v.Name)
		fm.Values.Set("valeur_"+n+"_explication", v.Explanation)
	}
	for i, d := range k.Dimensions {
		n := strconv.Itoa(i + 1)
		fm.Values.Set("dimension_"+n, d.Name)
		if d.Weight != nil {
			fm.Values.Set("dimension_"+n+"_poids", strconv.Itoa(*d.Weight))
		}
	}
	fm.Values.Set("lignes_valeurs", strconv.Itoa(len(k.Values)+extraRows))
	fm.Values.Set("lignes_dimensions", strconv.Itoa(len(k.Dimensions)+extraRows))
	return fm
}

func (s *Server) renderKeyElements(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, fm *form, status int) {
	v := keyPage{frameworkView: newFrameworkView(f)}
	them, err := s.store.ThematicPriorities(r.Context(), ws.Authority.ID, f.Strategy.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := func(name string) []int {
		n, _ := strconv.Atoi(fm.Get(name))
		n = min(max(n, extraRows), 40)
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	}
	v.ValueRows, v.DimensionRows = rows("lignes_valeurs"), rows("lignes_dimensions")
	v.Thematic, v.Countries, v.Regions = them, country.All(), country.Regions()
	v.Dimensions, v.Reasons, v.Policies = guideDimensions, geoReasons, policies
	reg, err := s.register(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Register = registerChoices(reg)
	if f.Key.ID != 0 {
		locals, err := s.store.LocalTargets(r.Context(), ws.Authority.ID, f.Strategy.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.SDG = new(sdgPicker(r, v.TagsOf(string(logframe.KindGeneralObjective), f.Key.ID), locals))
	}
	if geo, ok := fm.Values["geo_form"]; ok && len(geo) > 0 {
		v.GeoForm = fm
		fm = keyForm(f.Key)
	} else if _, ok := fm.Values["them_form"]; ok {
		v.ThemForm = fm
		fm = keyForm(f.Key)
	}
	page := view{Title: "Éléments clés et priorités", WS: ws, Section: "strategie", Form: fm}
	s.renderComponent(w, r, status, page, frameworkKeyContent(page, v))
}

func (s *Server) saveKeyElements(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "strategie")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	k := logframe.KeyElementsRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID, Version: formVersion(fm)}
	k.Vision, k.Mission = cleanText(fm, "vision"), cleanText(fm, "mission")
	k.PoliticalProject = cleanText(fm, "projet_politique")
	k.GeneralTitle, k.GeneralText = cleanLine(fm, "objectif_general"), cleanText(fm, "objectif_general_description")
	for _, field := range []string{"vision", "mission", "projet_politique", "objectif_general_description"} {
		fm.MaxLength(field, logframe.MaxTextLen)
	}
	fm.MaxLength("objectif_general", logframe.MaxTitleLen)
	nv, _ := strconv.Atoi(fm.Get("lignes_valeurs"))
	for i := 1; i <= min(nv, 40); i++ {
		n := strconv.Itoa(i)
		name, expl := cleanLine(fm, "valeur_"+n), cleanText(fm, "valeur_"+n+"_explication")
		if name == "" && expl != "" {
			fm.Fail("valeur_"+n, "Donnez un nom à cette valeur, ou effacez son explication.")
		}
		if utf8.RuneCountInString(name) > logframe.MaxTitleLen {
			fm.Fail("valeur_"+n, "Ce nom est trop long : "+itoa(logframe.MaxTitleLen)+" caractères au plus.")
		}
		if name != "" {
			k.Values = append(k.Values, logframe.Value{Name: name, Explanation: expl})
		}
	}
	nd, _ := strconv.Atoi(fm.Get("lignes_dimensions"))
	total := 0
	for i := 1; i <= min(nd, 40); i++ {
		n := strconv.Itoa(i)
		name := cleanLine(fm, "dimension_"+n)
		field := "dimension_" + n + "_poids"
		var weight *int // empty: not decided yet, never 0 %
		if w, ok := formWhole(fm, field, 0, 100, "Le poids est un pourcentage entier, de 0 à 100 ; vous avez saisi "+fm.Get(field)+"."); ok {
			weight = &w
		}
		if name == "" && fm.Get(field) != "" {
			fm.Fail("dimension_"+n, "Nommez la dimension dont vous indiquez le poids.")
		}
		if name != "" {
			if weight != nil {
				total += *weight
			}
			k.Dimensions = append(k.Dimensions, logframe.Dimension{Name: name, Weight: weight})
		}
	}
	if total > 100 {
		fm.Fail("dimension_1_poids", "Les poids des dimensions totalisent "+strconv.Itoa(total)+" % : ils doivent faire 100 % au plus.")
	}
	if !fm.OK() {
		s.renderKeyElements(w, r, ws, f, fm, http.StatusUnprocessableEntity)
		return
	}
	err := s.store.SaveKeyElements(r.Context(), actor(r), &k)
	if errors.Is(err, store.ErrConflict) {
		if f, err = s.store.LoadFramework(r.Context(), ws.Authority.ID, f.Strategy.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
		fm.Top = conflictMessage + " Version enregistrée : vision « " + f.Key.Vision + " », objectif général « " + f.Key.GeneralTitle + " »."
		fm.Values.Set("version", strconv.FormatInt(f.Key.Version, 10))
		s.renderKeyElements(w, r, ws, f, fm, http.StatusConflict)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie?ok=enregistre")
}

// readGeo reads the geographic priority form: a country from the list, a partner authority (typed, or
// picked from the register) or a region.
func readGeo(fm *form, g *logframe.GeoPriorityRecord, register []diagnostic.PartnershipRecord) {
	g.Kind = logframe.GeoKind(fm.Get("type"))
	g.CountryCode, g.Name = "", ""
	var picked int64
	switch g.Kind {
	case geoFromRegister:
		g.Kind = logframe.GeoPartner
		id, _ := strconv.ParseInt(fm.Get("partenariat"), 10, 64)
		i := slices.IndexFunc(register, func(p diagnostic.PartnershipRecord) bool { return p.ID == id })
		if i < 0 {
			fm.Fail("partenariat", "Choisissez un partenaire du registre des partenariats.")
			break
		}
		p := register[i].Partnership
		g.Name, picked = p.Partner, id
		if len(p.Countries) > 0 {
			g.CountryCode = p.Countries[0]
		}
	case logframe.GeoCountry:
		code, err := country.Validate(fm.Get("pays"))
		if err != nil {
			fm.Fail("pays", errorText(err))
		}
		g.CountryCode, g.Name = code, country.Name(code)
	case logframe.GeoPartner:
		g.Name = cleanLine(fm, "partenaire")
		if g.Name == "" {
			fm.Fail("partenaire", "Indiquez le nom de la collectivité partenaire, par exemple « Ziguinchor (Sénégal) ».")
		}
	case logframe.GeoRegion:
		g.Name = fm.Get("region")
		found := false
		for _, reg := range country.Regions() {
			found = found || reg == g.Name
		}
		if !found {
			fm.Fail("region", "Choisissez une région du monde dans la liste.")
		}
	default:
		fm.Fail("type", "Choisissez : un pays, une collectivité partenaire ou une région du monde.")
	}
	g.Reason, g.Comment = cleanLine(fm, "raison"), cleanText(fm, "commentaire")
	fm.MaxLength("partenaire", logframe.MaxTitleLen)
	fm.MaxLength("raison", logframe.MaxTitleLen)
	fm.MaxLength("commentaire", logframe.MaxTextLen)
	g.ActivityIDs = formIDs(fm, "activites")
	g.PartnershipIDs = formIDs(fm, "partenariats")
	if picked != 0 && !slices.Contains(g.PartnershipIDs, picked) {
		g.PartnershipIDs = append(g.PartnershipIDs, picked) // the priority builds on the partnership it came from
	}
}

func (s *Server) createGeoPriority(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "strategie")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	fm.Values.Set("geo_form", "1")
	g := logframe.GeoPriorityRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}
	reg, err := s.register(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	readGeo(fm, &g, reg)
	if !fm.OK() {
		s.renderKeyElements(w, r, ws, f, fm, http.StatusUnprocessableEntity)
		return
	}
	if err := s.store.SaveGeoPriority(r.Context(), actor(r), &g); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie/priorites/"+strconv.FormatInt(g.ID, 10)+"?ok=enregistre")
}

func (s *Server) showGeoPriority(w http.ResponseWriter, r *http.Request, ws *workspace) {
	g, f, ok := s.geoFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("type", string(g.Kind))
	fm.Values.Set("pays", g.CountryCode)
	fm.Values.Set("region", g.Name)
	fm.Values.Set("partenaire", g.Name)
	fm.Values.Set("raison", g.Reason)
	fm.Values.Set("commentaire", g.Comment)
	fm.Values.Set("version", strconv.FormatInt(g.Version, 10))
	for _, a := range g.ActivityIDs {
		fm.Values.Add("activites", strconv.FormatInt(a, 10))
	}
	for _, p := range g.PartnershipIDs {
		fm.Values.Add("partenariats", strconv.FormatInt(p, 10))
	}
	s.renderGeo(w, r, ws, f, g, fm, http.StatusOK)
}

func (s *Server) renderGeo(w http.ResponseWriter, r *http.Request, ws *workspace, f strategy.Framework, g logframe.GeoPriorityRecord, fm *form, status int) {
	v := geoPage{frameworkView: newFrameworkView(f)}
	v.Geo, v.Countries, v.Regions, v.Reasons = g, country.All(), country.Regions(), geoReasons
	checked := map[string]bool{}
	for _, a := range fm.Values["activites"] {
		checked[a] = true
	}
	v.Checked = checked
	// The partnerships register is internal: someone who may not read it sees none of its entries.
	if access.Can(ws.Role, access.ViewInternal) {
		partners, err := s.store.Partnerships(r.Context(), ws.Authority.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Partnerships = geoPartnerChoices(partners, fm.Values["partenariats"])
		if access.Can(ws.Role, access.EditContent) {
			v.Register = registerChoices(partners)
		}
	}
	page := view{Title: "Priorité géographique : " + g.Name, WS: ws, Section: "strategie", Form: fm}
	s.renderComponent(w, r, status, page, frameworkGeoContent(page, v))
}

func (s *Server) geoFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (logframe.GeoPriorityRecord, strategy.Framework, bool) {
	id, ok := pathID(r, "geo")
	if !ok {
		s.notFound(w, r)
		return logframe.GeoPriorityRecord{}, strategy.Framework{}, false
	}
	g, err := s.store.GeoPriority(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return g, strategy.Framework{}, false
	}
	f, err := s.store.LoadFramework(r.Context(), ws.Authority.ID, g.StrategyID)
	if err != nil {
		s.storeFailed(w, r, err)
		return g, f, false
	}
	return g, f, true
}

func (s *Server) updateGeoPriority(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, f, ok := s.geoFromPath(w, r, ws)
	if !ok {
		return
	}
	fm := parseForm(w, r)
	g := stored
	g.Version = formVersion(fm)
	reg, err := s.register(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	readGeo(fm, &g, reg)
	if !fm.OK() {
		s.renderGeo(w, r, ws, f, stored, fm, http.StatusUnprocessableEntity)
		return
	}
	err = s.store.SaveGeoPriority(r.Context(), actor(r), &g)
	if errors.Is(err, store.ErrConflict) {
		fm.Top = conflictMessage + " Version enregistrée : « " + stored.Name + " », raison « " + stored.Reason + " »."
		fm.Values.Set("version", strconv.FormatInt(stored.Version, 10))
		s.renderGeo(w, r, ws, f, stored, fm, http.StatusConflict)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie?ok=enregistre")
}

func (s *Server) createThematicPriority(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, ok := s.focusFramework(w, r, ws, "strategie")
	if !ok {
		return
	}
	fm := parseForm(w, r)
	fm.Values.Set("them_form", "1")
	t := logframe.ThematicPriorityRecord{AuthorityID: ws.Authority.ID, StrategyID: f.Strategy.ID}
	readThematic(fm, &t)
	if !fm.OK() {
		s.renderKeyElements(w, r, ws, f, fm, http.StatusUnprocessableEntity)
		return
	}
	if err := s.store.SaveThematicPriority(r.Context(), actor(r), &t); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/strategie?ok=enregistre#thematiques")
}
