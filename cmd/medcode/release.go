package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"medcode/corpus"
)

// releasePick is the --date / --release choice of an ICD-10-CM release.
type releasePick struct {
	date    string
	release string
}

func (p *releasePick) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&p.date, "date", "", "date of service YYYY-MM-DD: answer for the ICD-10-CM release in force then (default today)")
	cmd.Flags().StringVar(&p.release, "release", "", "answer for this ICD-10-CM release (FY2026, FY2027, ...)")
}

// narrow returns the union narrowed to the picked release: --release by
// name, else the one in force on --date, else today's (the union itself
// when today is past every loaded release).
func (p *releasePick) narrow(union *corpus.Set) (*corpus.Set, error) {
	switch {
	case p.release != "" && p.date != "":
		return nil, usageError(fmt.Errorf("--date and --release: give one"))
	case p.release != "":
		v, err := union.In(p.release)
		if err != nil {
			return nil, usageError(err)
		}
		return v, nil
	case p.date != "":
		d, err := time.Parse(time.DateOnly, p.date)
		if err != nil {
			return nil, usageError(fmt.Errorf("--date %q is not a date (want YYYY-MM-DD)", p.date))
		}
		v, err := union.On(d)
		if err != nil {
			return nil, usageError(err)
		}
		return v, nil
	}
	now := time.Now()
	if v, err := union.On(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)); err == nil {
		return v, nil
	}
	return union, nil
}

// heldIn is one release holding a code, with its flag and title there.
type heldIn struct {
	Release  string `json:"release"`
	Billable bool   `json:"billable"`
	Display  string `json:"display"`
}

// heldBy lists the loaded ICD-10-CM releases holding code.
func heldBy(union *corpus.Set, code string) []heldIn {
	var out []heldIn
	for _, r := range union.ICD10CMReleases() {
		v, err := union.In(r.Name)
		if err != nil {
			continue
		}
		if id, ok := v.ID(corpus.ICD10CM, code); ok {
			b := v.Brief(id)
			out = append(out, heldIn{Release: r.Name, Billable: b.Billable, Display: b.Display})
		}
	}
	return out
}

// releaseNames spells releases holding a code: "FY2026 (billable), FY2027 (header)".
func releaseNames(in []heldIn) string {
	parts := make([]string, len(in))
	for i, h := range in {
		kind := "header"
		if h.Billable {
			kind = "billable"
		}
		parts[i] = h.Release + " (" + kind + ")"
	}
	return strings.Join(parts, ", ")
}
