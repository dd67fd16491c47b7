package territory

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// raw is the generated table, see data/SOURCE.md and tools/gen-territory.
//
//go:embed data/authorities.tsv.gz
var raw []byte

// table is the decoded list with its lookups and search index.
type table struct {
	all         []Authority
	byID        map[string]int32
	deptNames   map[string]string
	regionNames map[string]string
	counts      map[Kind]int
	idx         index
}

// load decodes the table on first use only, so that a process that never
// looks an authority up pays neither the time nor the memory.
var load = sync.OnceValue(func() *table {
	t, err := decode(raw)
	if err != nil {
		panic("territory: embedded table is corrupt: " + err.Error())
	}
	return t
})

const columns = 12

func decode(data []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	t := &table{
		all:         make([]Authority, 0, 37000),
		byID:        make(map[string]int32, 37000),
		deptNames:   map[string]string{},
		regionNames: map[string]string{},
		counts:      map[Kind]int{},
	}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		a, err := parseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if _, dup := t.byID[a.ID]; dup {
			return nil, fmt.Errorf("line %d: duplicate ID %s", line, a.ID)
		}
		t.byID[a.ID] = int32(len(t.all))
		t.all = append(t.all, a)
		t.counts[a.Kind]++
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	t.nameAreas()
	t.aliasSIRENs()
	t.idx = buildIndex(t.all)
	return t, nil
}

// parseLine reads one tab-separated row written by tools/gen-territory.
func parseLine(s string) (Authority, error) {
	f := strings.Split(s, "\t")
	if len(f) != columns {
		return Authority{}, fmt.Errorf("%d columns, want %d", len(f), columns)
	}
	k := Kind(f[0])
	if !k.Valid() || k == KindOther {
		return Authority{}, fmt.Errorf("unknown kind %q", f[0])
	}
	a := Authority{ID: string(k) + ":" + f[1], Kind: k, Code: f[1], Name: f[2], SIREN: f[3],
		DepartementCode: f[7], RegionCode: f[8], EPCICode: f[9], Nature: f[10], SupersededBy: f[11]}
	var err error
	if a.Population, err = atoi(f[4]); err != nil {
		return a, err
	}
	if a.Communes, err = atoi(f[5]); err != nil {
		return a, err
	}
	if f[6] != "" {
		a.Postcodes = strings.Fields(f[6])
	}
	return a, nil
}

func atoi(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// nameAreas fills the code-to-name lookups; an overseas collectivity stands
// in for the département its communes are filed under (975, 987…).
func (t *table) nameAreas() {
	for _, a := range t.all {
		switch a.Kind {
		case KindRegion:
			t.regionNames[a.Code] = a.Name
		case KindDepartement:
			t.deptNames[a.Code] = a.Name
		}
	}
	for _, a := range t.all {
		if a.Kind == KindSpecial && a.DepartementCode != "" && t.deptNames[a.DepartementCode] == "" {
			t.deptNames[a.DepartementCode] = a.Name
		}
	}
}

// aliasSIRENs lets "epci:200046977", the EPCI code the communes of the
// Métropole de Lyon carry, lead to the Métropole, which is not an EPCI.
func (t *table) aliasSIRENs() {
	for i, a := range t.all {
		if a.Kind != KindSpecial || a.SIREN == "" {
			continue
		}
		if id := string(KindEPCI) + ":" + a.SIREN; !t.has(id) {
			t.byID[id] = int32(i)
		}
	}
}

func (t *table) has(id string) bool {
	_, ok := t.byID[id]
	return ok
}
