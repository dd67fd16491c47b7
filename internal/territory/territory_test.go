package territory

import (
	"slices"
	"strings"
	"testing"
)

// ids returns the IDs of a search's results.
func ids(as []Authority) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func TestSearchFinds(t *testing.T) {
	tests := []struct {
		name, query string
		limit       int
		want        string // an ID among the results
		first       bool   // whether it must be the first result
	}{
		{"commune by name", "Paris", 5, "commune:75056", true},
		{"special by name", "paris", 5, "statut-particulier:paris", false},
		{"lower case", "lyon", 5, "commune:69123", true},
		{"Lyon's Métropole", "lyon", 5, "statut-particulier:lyon", false},
		{"no accent", "angouleme", 5, "commune:16015", true},
		{"word prefix finds the commune", "angou", 5, "commune:16015", false},
		{"word prefix finds the EPCI", "angou", 5, "epci:200071827", false},
		{"glued words", "grandangouleme", 5, "epci:200071827", true},
		{"postcode", "16000", 5, "commune:16015", true},
		{"INSEE code", "16015", 5, "commune:16015", true},
		{"EPCI SIREN", "200071827", 5, "epci:200071827", true},
		{"commune SIREN", "211600150", 5, "commune:16015", true},
		{"accent and hyphen folded", "evry courcouronnes", 5, "commune:91228", true},
		{"accented query", "Évry", 5, "commune:91228", false},
		{"saint spelt out", "saint etienne", 5, "commune:42218", true},
		{"st abbreviated", "st etienne", 5, "commune:42218", true},
		{"apostrophe", "ile d yeu", 5, "commune:85113", true},
		{"words in any order", "courcouronnes evry", 5, "commune:91228", true},
		{"Corse code", "2A004", 5, "commune:2A004", true},
		{"Corse code lower case", "2b", 5, "departement:2B", true},
		{"DOM commune", "97411", 5, "commune:97411", true},
		{"homonym narrowed by département", "saint denis 974", 5, "commune:97411", true},
		{"région", "Auvergne-Rhône-Alpes", 5, "region:84", true},
		{"département code", "69", 5, "departement:69", true},
		{"Collectivité de Corse", "collectivite corse", 5, "statut-particulier:corse", true},
		{"Alsace", "alsace", 5, "statut-particulier:alsace", true},
		{"overseas collectivity by code", "987", 5, "statut-particulier:polynesie-francaise", true},
		{"overseas commune", "noumea", 5, "commune:98818", true},
		{"by ID", "epci:200071827", 5, "epci:200071827", true},
		{"EPT of the Grand Paris", "plaine commune", 5, "epci:200057867", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(Search(tt.query, tt.limit))
			if len(got) > tt.limit {
				t.Fatalf("Search(%q, %d) returned %d results", tt.query, tt.limit, len(got))
			}
			if tt.first && (len(got) == 0 || got[0] != tt.want) {
				t.Fatalf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
			}
			if !slices.Contains(got, tt.want) {
				t.Fatalf("Search(%q) = %v, want %s among them", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchEmpty(t *testing.T) {
	tests := []struct {
		query string
		limit int
	}{
		{"", 10},
		{"   ", 10},
		{"-'", 10},
		{"xqzwv", 10},
		{"paris", 0},
		{"paris xqzwv", 10},
	}
	for _, tt := range tests {
		if got := Search(tt.query, tt.limit); len(got) != 0 {
			t.Errorf("Search(%q, %d) = %v, want nothing", tt.query, tt.limit, ids(got))
		}
	}
}

func TestSearchSharedPostcode(t *testing.T) {
	got := Search("01400", 50)
	communes := 0
	for _, a := range got {
		if a.Kind == KindCommune && slices.Contains(a.Postcodes, "01400") {
			communes++
		}
	}
	if communes < 5 {
		t.Fatalf("postcode 01400 gave %d communes (%v), want at least 5", communes, ids(got))
	}
	// 01400 is also Seillonnaz's INSEE code: an exact code outranks a postcode.
	if got[0].ID != "commune:01400" {
		t.Errorf("first result %s, want commune:01400", got[0].ID)
	}
}

func TestSearchRanking(t *testing.T) {
	tests := []struct {
		query         string
		better, worse string
	}{
		{"lyon", "commune:69123", "commune:69202"},           // exact name before a longer one
		{"saint etienne", "commune:42218", "commune:76575"},  // exact name before prefix
		{"saint etienne", "epci:244200770", "commune:76575"}, // then larger population
		{"rhone", "departement:69", "departement:13"},        // exact name first
		{"97411", "commune:97411", "commune:97415"},          // code before postcode
		{"corse", "region:94", "departement:2A"},             // exact name first
		{"saint denis", "commune:97411", "commune:93066"},    // larger population first
	}
	for _, tt := range tests {
		got := ids(Search(tt.query, 50))
		b, w := slices.Index(got, tt.better), slices.Index(got, tt.worse)
		if b < 0 || w < 0 || b > w {
			t.Errorf("Search(%q) = %v: want %s (at %d) before %s (at %d)", tt.query, got, tt.better, b, tt.worse, w)
		}
	}
}

func TestSearchOrderAndNoDuplicates(t *testing.T) {
	for _, q := range []string{"s", "saint", "st", "ville", "1", "grand", "la"} {
		got := Search(q, 40)
		if len(got) != 40 {
			t.Errorf("Search(%q, 40) gave %d results, want 40", q, len(got))
		}
		seen := map[string]bool{}
		for _, a := range got {
			if seen[a.ID] {
				t.Errorf("Search(%q): %s twice", q, a.ID)
			}
			seen[a.ID] = true
		}
	}
}

func TestByIDRoundTrip(t *testing.T) {
	for kind, n := range Count() {
		if n == 0 {
			t.Errorf("no %s", kind)
		}
	}
	for _, id := range []string{"commune:69123", "commune:2A004", "commune:97411", "epci:200071827",
		"departement:2A", "departement:976", "region:84", "statut-particulier:corse"} {
		a, ok := ByID(id)
		if !ok {
			t.Errorf("ByID(%q) found nothing", id)
			continue
		}
		if a.ID != id || string(a.Kind)+":"+a.Code != id {
			t.Errorf("ByID(%q) = %s (%s:%s)", id, a.ID, a.Kind, a.Code)
		}
		if b, _ := ByID(Search(a.ID, 1)[0].ID); b.ID != id {
			t.Errorf("search by ID %q gave %s", id, b.ID)
		}
	}
	for _, id := range []string{"", "commune:", "commune:00000", "69123", "epci:16015"} {
		if a, ok := ByID(id); ok {
			t.Errorf("ByID(%q) = %s, want nothing", id, a.ID)
		}
	}
}

func TestLyonEPCIAlias(t *testing.T) {
	lyon, _ := ByID("commune:69123")
	m, ok := ByID("epci:" + lyon.EPCICode)
	if !ok || m.ID != "statut-particulier:lyon" {
		t.Fatalf("Lyon's EPCI %q leads to %q, want the Métropole de Lyon", lyon.EPCICode, m.ID)
	}
}

func TestEveryReferenceResolves(t *testing.T) {
	tbl := load()
	for _, a := range tbl.all {
		if a.Kind == KindRegion {
			continue
		}
		if a.DepartementCode != "" && DepartementName(a.DepartementCode) == "" {
			t.Errorf("%s: unknown département %q", a.ID, a.DepartementCode)
		}
		if a.RegionCode != "" && RegionName(a.RegionCode) == "" {
			t.Errorf("%s: unknown région %q", a.ID, a.RegionCode)
		}
		if a.EPCICode != "" {
			if _, ok := ByID("epci:" + a.EPCICode); !ok {
				t.Errorf("%s: unknown EPCI %q", a.ID, a.EPCICode)
			}
		}
		if a.SupersededBy != "" {
			if s, ok := ByID(a.SupersededBy); !ok || s.Kind != KindSpecial {
				t.Errorf("%s: superseded by unknown %q", a.ID, a.SupersededBy)
			}
		}
	}
}

func TestSupersededBy(t *testing.T) {
	tests := map[string]string{
		"departement:2A":  "statut-particulier:corse",
		"region:94":       "statut-particulier:corse",
		"departement:67":  "statut-particulier:alsace",
		"departement:75":  "statut-particulier:paris",
		"region:02":       "statut-particulier:martinique",
		"departement:976": "statut-particulier:mayotte",
		"departement:69":  "",
		"region:84":       "",
	}
	for id, want := range tests {
		a, _ := ByID(id)
		if a.SupersededBy != want {
			t.Errorf("%s superseded by %q, want %q", id, a.SupersededBy, want)
		}
	}
}

func TestCountRanges(t *testing.T) {
	c := Count()
	tests := []struct {
		kind     Kind
		min, max int
	}{
		{KindCommune, 34000, 36000},
		{KindDepartement, 101, 101},
		{KindRegion, 18, 18},
		{KindEPCI, 1200, 1300},
		{KindSpecial, 7, 20},
	}
	for _, tt := range tests {
		if n := c[tt.kind]; n < tt.min || n > tt.max {
			t.Errorf("%d %s, want %d to %d", n, tt.kind, tt.min, tt.max)
		}
	}
	c[KindCommune] = 0
	if Count()[KindCommune] == 0 {
		t.Error("Count returned the package's own map")
	}
}

func TestAuthorityFields(t *testing.T) {
	angouleme, _ := ByID("commune:16015")
	if angouleme.Name != "Angoulême" || angouleme.DepartementCode != "16" || angouleme.RegionCode != "75" ||
		angouleme.EPCICode != "200071827" || !slices.Contains(angouleme.Postcodes, "16000") ||
		angouleme.Population < 30000 {
		t.Errorf("Angoulême = %+v", angouleme)
	}
	ga, _ := ByID("epci:200071827")
	if ga.Nature != "CA" || ga.Communes < 30 || ga.Population < 100000 || ga.DepartementCode != "16" {
		t.Errorf("GrandAngoulême = %+v", ga)
	}
	if n := DepartementName("2A"); n != "Corse-du-Sud" {
		t.Errorf("DepartementName(2A) = %q", n)
	}
	if n := DepartementName("987"); n != "Polynésie française" {
		t.Errorf("DepartementName(987) = %q", n)
	}
	if n := RegionName("84"); n != "Auvergne-Rhône-Alpes" {
		t.Errorf("RegionName(84) = %q", n)
	}
	if n := RegionName("99"); n != "" {
		t.Errorf("RegionName(99) = %q", n)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		id   string
		want []string // parts the description must hold, in order
	}{
		{"commune:69123", []string{"Commune", "Rhône (69)", "hab."}},
		{"epci:200071827", []string{"Communauté d'agglomération", "Charente (16)", "hab."}},
		{"departement:16", []string{"Département", "Nouvelle-Aquitaine", "hab."}},
		{"region:84", []string{"Région", "hab."}},
		{"statut-particulier:corse", []string{"Collectivité à statut particulier", "Corse", "hab."}},
		{"statut-particulier:polynesie-francaise", []string{"Collectivité d'outre-mer", "Outre-mer"}},
		{"commune:98818", []string{"Commune", "Nouvelle-Calédonie (988)"}},
	}
	for _, tt := range tests {
		a, _ := ByID(tt.id)
		d := a.Describe()
		rest := d
		for _, part := range tt.want {
			i := strings.Index(rest, part)
			if i < 0 {
				t.Errorf("%s: Describe() = %q, want %q in order", tt.id, d, tt.want)
				break
			}
			rest = rest[i+len(part):]
		}
	}
	lyon, _ := ByID("commune:69123")
	lyon.Population = 522250
	if got, want := lyon.Describe(), "Commune · Rhône (69) · 522\u202f250\u202fhab."; got != want {
		t.Errorf("Describe() = %q, want %q", got, want)
	}
}

func TestKindLabel(t *testing.T) {
	tests := map[Kind]string{
		KindRegion: "Région", KindDepartement: "Département", KindEPCI: "EPCI", KindCommune: "Commune",
		KindSpecial: "Collectivité à statut particulier", KindOther: "Autre organisation",
	}
	for k, want := range tests {
		if got := k.Label(); got != want {
			t.Errorf("%s.Label() = %q, want %q", k, got, want)
		}
		if !k.Valid() {
			t.Errorf("%s not valid", k)
		}
	}
	if Kind("canton").Valid() {
		t.Error("canton is valid")
	}
}

func TestDecodeRejectsBadData(t *testing.T) {
	if _, err := decode([]byte("not gzip")); err == nil {
		t.Error("decode accepted data that is not gzip")
	}
	for _, line := range []string{
		"commune\t1\tx",                       // too few columns
		"canton\t1\tx\t\t\t\t\t\t\t\t\t",      // unknown kind
		"commune\t1\tx\t\tmany\t\t\t\t\t\t\t", // population not a number
	} {
		if _, err := parseLine(line); err == nil {
			t.Errorf("parseLine(%q) accepted it", line)
		}
	}
}

func TestSearchConcurrent(t *testing.T) {
	want := ids(Search("saint etienne", 10))
	done := make(chan []string)
	for range 8 {
		go func() { done <- ids(Search("saint etienne", 10)) }()
	}
	for range 8 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent search gave %v, want %v", got, want)
		}
	}
}

func TestAlsaceMoselle(t *testing.T) {
	cases := map[string]bool{
		"commune:67482":             true,  // Strasbourg
		"epci:246700488":            true,  // Eurométropole de Strasbourg
		"departement:57":            true,  // Moselle
		"departement:68":            true,  // Haut-Rhin
		"statut-particulier:alsace": true,  // Collectivité européenne d'Alsace
		"departement:54":            false, // Meurthe-et-Moselle
		"region:44":                 false, // Grand Est covers more than Alsace-Moselle
		"commune:69123":             false, // Lyon
	}
	for id, want := range cases {
		a, ok := ByID(id)
		if !ok {
			t.Errorf("%s is not in the list", id)
			continue
		}
		if got := a.AlsaceMoselle(); got != want {
			t.Errorf("%s (%s): AlsaceMoselle = %v, want %v", id, a.Name, got, want)
		}
	}
}

func TestBySIREN(t *testing.T) {
	for siren, want := range map[string]string{"211600150": "commune:16015", "200071827": "epci:200071827"} {
		a, ok := BySIREN(siren)
		if !ok || a.ID != want {
			t.Errorf("BySIREN(%s) = %s, %v; want %s", siren, a.ID, ok, want)
		}
	}
	if _, ok := BySIREN("000000000"); ok {
		t.Error("unknown SIREN found")
	}
}
