package main

import "testing"

func TestDecodeAndStitch(t *testing.T) {
	var topo topology
	topo.Transform.Scale = [2]float64{0.5, 2}
	topo.Transform.Translate = [2]float64{-10, 5}
	topo.Arcs = [][][2]float64{
		{{0, 0}, {2, 0}, {0, 1}}, // deltas: (0,0) (2,0) (2,1)
		{{0, 0}, {2, 1}},         // (0,0) (2,1)
	}
	arcs := decodeArcs(&topo)
	want0 := []point{{-10, 5}, {-9, 5}, {-9, 7}}
	for i, p := range want0 {
		if arcs[0][i] != p {
			t.Fatalf("arc 0 point %d = %v, want %v", i, arcs[0][i], p)
		}
	}
	// Arc 0 forwards, then arc 1 walked backwards (~1): its first point repeats arc 0's last and is dropped.
	r := stitch([]int{0, ^1}, arcs)
	want := ring{{-10, 5}, {-9, 5}, {-9, 7}, {-10, 5}}
	if len(r) != len(want) {
		t.Fatalf("ring %v, want %v", r, want)
	}
	for i := range want {
		if r[i] != want[i] {
			t.Fatalf("ring %v, want %v", r, want)
		}
	}
}

func TestTenths(t *testing.T) {
	tests := map[int]string{0: "0", 12: "1.2", -3: "-.3", 20: "2", -105: "-10.5", 7: ".7"}
	for in, want := range tests {
		if got := tenths(in); got != want {
			t.Errorf("tenths(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestCodeLess(t *testing.T) {
	ordered := []string{"1.1", "1.2", "1.10", "1.a", "1.b", "2.1", "10.1"}
	for i := 1; i < len(ordered); i++ {
		if !codeLess(ordered[i-1], ordered[i]) || codeLess(ordered[i], ordered[i-1]) {
			t.Errorf("%s should sort before %s", ordered[i-1], ordered[i])
		}
	}
}
