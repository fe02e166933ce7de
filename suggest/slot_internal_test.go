package suggest

import (
	"slices"
	"testing"
)

func TestOpenSlot(t *testing.T) {
	tests := []struct {
		title, rest string
		values      []string
		ok          bool
	}{
		{"Chronic respiratory failure, unspecified whether with hypoxia or hypercapnia", "Chronic respiratory failure", []string{"with hypoxia", "with hypercapnia"}, true},
		{"Chronic respiratory failure with hypoxia", "", nil, false},
		{"Respiratory failure, unspecified, unspecified whether with hypoxia or hypercapnia", "Respiratory failure, unspecified", []string{"with hypoxia", "with hypercapnia"}, true},
	}
	for _, tt := range tests {
		rest, values, ok := openSlot(tt.title)
		if rest != tt.rest || !slices.Equal(values, tt.values) || ok != tt.ok {
			t.Errorf("openSlot(%q) = %q, %q, %v; want %q, %q, %v", tt.title, rest, values, ok, tt.rest, tt.values, tt.ok)
		}
	}
}

func TestFills(t *testing.T) {
	values := []string{"with hypoxia", "with hypercapnia"}
	tests := []struct {
		title string
		want  bool
	}{
		{"chronic respiratory failure with hypoxia", true},
		{"chronic respiratory failure with hypercapnia", true},
		{"acute respiratory failure with hypoxia", false},
		{"chronic respiratory failure", false},
	}
	for _, tt := range tests {
		if got := fills(tt.title, "chronic respiratory failure", values); got != tt.want {
			t.Errorf("fills(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
