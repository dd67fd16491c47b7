package main

import "testing"

func TestCompose(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"Pas de pauvrete\u0301", "Pas de pauvreté", false},
		{"E\u0301liminer a\u0300 c\u0327a", "Éliminer à ça", false},
		{"déjà composé", "déjà composé", false},
		{"n\u0303", "", true},
	}
	for _, tt := range tests {
		got, err := compose(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("compose(%q) = %q, %v", tt.in, got, err)
		}
	}
}
