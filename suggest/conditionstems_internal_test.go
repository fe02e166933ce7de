package suggest

import "testing"

func TestShareStem(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want bool
	}{
		{"empty", nil, []string{"asthma"}, false},
		{"disjoint", []string{"asthma", "mild"}, []string{"copd", "exacerb"}, false},
		{"first", []string{"asthma"}, []string{"asthma", "persist"}, true},
		{"last", []string{"a", "c", "e"}, []string{"b", "d", "e"}, true},
		{"interleaved", []string{"a", "c", "e"}, []string{"b", "d", "f"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shareStem(tt.a, tt.b); got != tt.want {
				t.Errorf("shareStem(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := shareStem(tt.b, tt.a); got != tt.want {
				t.Errorf("shareStem(%v, %v) = %v, want %v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}
