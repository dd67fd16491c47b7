package main

import (
	"strings"
	"testing"
)

func TestReadFlatYAML(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]string
		wantErr  bool
	}{
		{"plain", "1-short: Pas de pauvreté\n", map[string]string{"1-short": "Pas de pauvreté"}, false},
		{"folded", "a: un\n  deux\n  trois\nb: x\n", map[string]string{"a": "un deux trois", "b": "x"}, false},
		{"quoted", "a: 'l''eau : douce\n  et salée'\n", map[string]string{"a": "l'eau : douce et salée"}, false},
		{"inner quotes", "2-short: Faim \"zéro\"\n", map[string]string{"2-short": `Faim "zéro"`}, false},
		{"block style", "a: >\n  x\n", nil, true},
		{"no colon", "a\n", nil, true},
		{"orphan continuation", "  x\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readFlatYAML(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if !tt.wantErr && len(got) != len(tt.want) {
				t.Errorf("got %d keys, want %d", len(got), len(tt.want))
			}
		})
	}
}
