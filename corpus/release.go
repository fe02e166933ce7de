package corpus

import "time"

// Release describes the edition of one code set that a Set holds.
type Release struct {
	System    System    `json:"system"`
	Name      string    `json:"name"`      // "FY2026", "2025-10", "user"
	Effective time.Time `json:"effective"` // first date of service covered
	Expires   time.Time `json:"expires"`   // last date of service covered; zero = open-ended
	Source    string    `json:"source"`    // file the codes came from
	Codes     int       `json:"codes"`
	Billable  int       `json:"billable"`
	// Supplements are the further files names and notes came from (older
	// Tabular List and index editions for ICD-10-CM), relative to the
	// code-set directory.
	Supplements []string `json:"supplements,omitempty"`
}

// Covers reports whether the release applies to a date of service. A zero
// date is always covered.
func (r Release) Covers(d time.Time) bool {
	if d.IsZero() {
		return true
	}
	day := d.UTC().Truncate(24 * time.Hour)
	if !r.Effective.IsZero() && day.Before(r.Effective) {
		return false
	}
	if !r.Expires.IsZero() && day.After(r.Expires) {
		return false
	}
	return true
}
