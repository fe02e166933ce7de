package main

import (
	"bytes"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestTableAssertion: the table shows the first evidence span's assertion
// status unless it is present.
func TestTableAssertion(t *testing.T) {
	res := &suggest.Result{Suggestions: []suggest.Suggestion{
		{Code: "I25.10", System: "ICD-10-CM", Display: "Atherosclerotic heart disease", Evidence: []suggest.Evidence{{Start: 11, End: 13, Text: "MI", Assertion: "historical", Trigger: "History of"}}},
		{Code: "I10", System: "ICD-10-CM", Display: "Essential (primary) hypertension", Evidence: []suggest.Evidence{{Start: 0, End: 3, Text: "HTN", Assertion: "present"}}},
	}}
	var b bytes.Buffer
	if err := printTable(&b, res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if !strings.Contains(lines[1], `"MI" @11 historical`) {
		t.Errorf("historical evidence not marked: %q", lines[1])
	}
	if strings.Contains(lines[2], "present") {
		t.Errorf("present evidence marked: %q", lines[2])
	}
}
