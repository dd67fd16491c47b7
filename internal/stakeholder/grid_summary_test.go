package stakeholder

import (
	"reflect"
	"testing"
)

func TestSummarizeGrid(t *testing.T) {
	named := func(name string, id int64, s Stakeholder) Stakeholder {
		s.Name, s.ID = name, id
		return s
	}
	cases := []struct {
		name   string
		list   []Stakeholder
		counts []int // manage closely, keep satisfied, keep informed, monitor
		close  []string
	}{
		{"empty map", nil, []int{0, 0, 0, 0}, nil},
		{"one per quadrant", []Stakeholder{
			named("Région", 1, mk(3, 2, 2)), named("Préfecture", 2, mk(2, 3, 1)),
			named("Association", 3, mk(0, 1, 3)), named("Club", 4, mk(0, 0, 0)),
		}, []int{1, 1, 1, 1}, []string{"Région"}},
		{"closely ordered by folded name, then ID", []Stakeholder{
			named("zèbre", 1, mk(3, 0, 3)), named("Élus", 2, mk(3, 2, 2)), named("alpha", 4, mk(2, 2, 2)),
			named("Alpha", 3, mk(2, 2, 2)), named("Club", 5, mk(1, 1, 1)),
		}, []int{4, 0, 0, 1}, []string{"Alpha", "alpha", "Élus", "zèbre"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SummarizeGrid(c.list)
			if got.Total != len(c.list) {
				t.Errorf("total %d, want %d", got.Total, len(c.list))
			}
			var counts []int
			for i, qc := range got.Counts {
				if qc.Quadrant != Quadrants()[i] {
					t.Errorf("quadrant %d is %s, want %s", i, qc.Quadrant, Quadrants()[i])
				}
				counts = append(counts, qc.Count)
			}
			if !reflect.DeepEqual(counts, c.counts) {
				t.Errorf("counts %v, want %v", counts, c.counts)
			}
			var names []string
			for _, s := range got.ManageClosely {
				names = append(names, s.Name)
			}
			if !reflect.DeepEqual(names, c.close) {
				t.Errorf("manage closely %v, want %v", names, c.close)
			}
		})
	}
}
