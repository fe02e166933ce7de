package server

import (
	"encoding/json"
	"fmt"
	"time"
)

// The encounter's date of service picks the ICD-10-CM release a CDS Hooks
// request is coded with: the prefetched Encounter's period (its end, the
// discharge date that selects the code set of an inpatient claim, else its
// start), else the period of the note's DocumentReference context, else
// none (the engine codes as of today).

// fhirPeriod is the part of an Encounter or DocumentReference read for
// the date of service.
type fhirPeriod struct {
	ResourceType string `json:"resourceType"`
	Period       *struct {
		Start string `json:"start"`
		End   string `json:"end"`
	} `json:"period"`
	Context *struct {
		Period *struct {
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"period"`
	} `json:"context"`
	Entry []struct {
		Resource json.RawMessage `json:"resource"`
	} `json:"entry"`
}

// encounterDate finds the encounter's date of service; zero when the
// request carries none. A period that is not a FHIR date is an error.
func (r *cdsRequest) encounterDate() (time.Time, error) {
	for _, key := range []string{"encounter", "note"} {
		raw, ok := r.Prefetch[key]
		if !ok || len(raw) == 0 || string(raw) == "null" {
			continue
		}
		d, err := periodDate(raw, "prefetch "+key, 0)
		if err != nil || !d.IsZero() {
			return d, err
		}
	}
	return time.Time{}, nil
}

func periodDate(raw json.RawMessage, where string, depth int) (time.Time, error) {
	var res fhirPeriod
	if err := json.Unmarshal(raw, &res); err != nil {
		return time.Time{}, nil // the note reader reports malformed resources
	}
	var start, end string
	switch {
	case res.ResourceType == "Bundle" && depth == 0:
		for _, e := range res.Entry {
			if d, err := periodDate(e.Resource, where, 1); err != nil || !d.IsZero() {
				return d, err
			}
		}
		return time.Time{}, nil
	case res.ResourceType == "Encounter" && res.Period != nil:
		start, end = res.Period.Start, res.Period.End
	case res.ResourceType == "DocumentReference" && res.Context != nil && res.Context.Period != nil:
		start, end = res.Context.Period.Start, res.Context.Period.End
	}
	for _, v := range []struct{ name, s string }{{"end", end}, {"start", start}} {
		if v.s == "" {
			continue
		}
		d, err := fhirDate(v.s)
		if err != nil {
			return time.Time{}, fmt.Errorf("%s: period.%s %q is not a FHIR date or dateTime", where, v.name, v.s)
		}
		return d, nil
	}
	return time.Time{}, nil
}

// fhirDate reads the calendar day of a FHIR date ("2026-11-15") or
// dateTime ("2026-11-15T10:30:00-05:00", the day as written).
func fhirDate(s string) (time.Time, error) {
	if len(s) > 10 && s[10] == 'T' {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return time.Time{}, err
		}
		s = s[:10]
	}
	return time.Parse(time.DateOnly, s)
}
