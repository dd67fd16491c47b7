package main

import "testing"

func TestSplitAntimeridian(t *testing.T) {
	square := ring{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}}
	tests := []struct {
		name     string
		in       ring
		pieces   int
		westEdge bool // some piece touches +180
		eastEdge bool // some piece touches -180
	}{
		{"not crossing", ring{{0, 0}, {10, 0}, {10, 10}}, 1, false, false},
		{"crossing square", square, 2, true, true},
		{"crossing, starting east", ring{{-170, 0}, {-170, 10}, {170, 10}, {170, 0}}, 2, true, true},
	}
	for _, tt := range tests {
		got := splitAntimeridian(tt.in)
		if len(got) != tt.pieces {
			t.Fatalf("%s: %d pieces, want %d", tt.name, len(got), tt.pieces)
		}
		var west, east bool
		for _, r := range got {
			for _, p := range r {
				if p.X < -180 || p.X > 180 {
					t.Errorf("%s: point %v out of range", tt.name, p)
				}
				west = west || p.X == 180
				east = east || p.X == -180
			}
		}
		if west != tt.westEdge || east != tt.eastEdge {
			t.Errorf("%s: touches +180 %v, -180 %v", tt.name, west, east)
		}
	}
}
