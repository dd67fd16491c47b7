package territory

import "sync"

// bySIREN indexes the authorities by their SIREN, built on first use: only ProConnect sign-ins ask.
var bySIREN = sync.OnceValue(func() map[string]int32 {
	t := load()
	m := make(map[string]int32, len(t.all))
	for i, a := range t.all {
		if a.SIREN == "" {
			continue
		}
		// Where two entries share a SIREN, the one still in force wins.
		if j, seen := m[a.SIREN]; seen && t.all[j].SupersededBy == "" {
			continue
		}
		m[a.SIREN] = int32(i)
	}
	return m
})

// BySIREN returns the authority whose legal body has that SIREN (the first nine digits of a SIRET), as a
// ProConnect sign-in gives it.
func BySIREN(siren string) (Authority, bool) {
	i, ok := bySIREN()[siren]
	if !ok {
		return Authority{}, false
	}
	return load().all[i], true
}
