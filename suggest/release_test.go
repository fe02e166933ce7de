package suggest_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"medcode/corpus"
	"medcode/suggest"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestReleaseByDate: a note is coded with the ICD-10-CM release in force
// on its date of service (today without one), suggests only codes of
// that release, and names it.
func TestReleaseByDate(t *testing.T) {
	eng := engine(t)
	text := "Assessment: dilated cardiomyopathy. Glanzmann thrombasthenia."
	for _, tc := range []struct {
		name    string
		req     suggest.Request
		release string
		date    string
		want    []string // suggested
		not     []string // never suggested
	}{
		{"FY2026 date", suggest.Request{DateOfService: day("2026-03-01")}, "FY2026", "2026-03-01", []string{"I42.0", "D69.1"}, []string{"I42.00", "D69.11"}},
		{"FY2027 date", suggest.Request{DateOfService: day("2026-11-15")}, "FY2027", "2026-11-15", []string{"I42.00", "D69.11"}, []string{"I42.0", "D69.1"}},
		{"last FY2026 day", suggest.Request{DateOfService: day("2026-09-30")}, "FY2026", "2026-09-30", []string{"I42.0"}, []string{"I42.00"}},
		{"today", suggest.Request{}, "FY2027", "2026-12-03", []string{"I42.00", "D69.11"}, []string{"I42.0"}},
		{"release named", suggest.Request{Release: "fy2026"}, "FY2026", "", []string{"I42.0"}, []string{"I42.00"}},
		{"release named with its date", suggest.Request{Release: "FY2026", DateOfService: day("2026-01-05")}, "FY2026", "2026-01-05", []string{"I42.0"}, []string{"I42.00"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			req.Text = text
			res, err := eng.Suggest(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if cs := res.CodeSets["ICD-10-CM"]; cs.Release != tc.release || res.DateOfService != tc.date {
				t.Errorf("coded with %+v on %s, want %s on %s", cs, res.DateOfService, tc.release, tc.date)
			}
			got := codes(res)
			for _, c := range tc.want {
				if !slices.Contains(got, c) {
					t.Errorf("%s not suggested: %v", c, got)
				}
			}
			for _, c := range tc.not {
				if slices.Contains(got, c) {
					t.Errorf("%s suggested: %v", c, got)
				}
			}
			// Every ICD-10-CM suggestion is a code of the release.
			rel, err := eng.Set().In(tc.release)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range res.Suggestions {
				if s.System != string(corpus.ICD10CM) {
					continue
				}
				if id, ok := rel.ID(corpus.ICD10CM, s.Code); !ok || !rel.Brief(id).Billable && len(s.Edits) == 0 {
					t.Errorf("%s is not a billable %s code (or lacks its specificity edit)", s.Code, tc.release)
				}
			}
		})
	}
}

// TestReleaseHeaderEdit: a FY2026 billable code that FY2027 made a header
// resolves, in FY2027, to a billable child with a specificity edit.
func TestReleaseHeaderEdit(t *testing.T) {
	eng := engine(t)
	// Z87.890 "Personal history of sex reassignment" became a header in FY2027.
	res, err := eng.Suggest(context.Background(), suggest.Request{Text: "Personal history of sex reassignment.", DateOfService: day("2026-11-15")})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Suggestions {
		if s.Code == "Z87.890" {
			t.Fatalf("FY2027 header Z87.890 suggested: %+v", s)
		}
		if strings.HasPrefix(s.Code, "Z87.890") {
			for _, e := range s.Edits {
				if e.Kind == "specificity" && strings.Contains(e.Message, "Z87.890") {
					return
				}
			}
		}
	}
	t.Errorf("no Z87.890x suggestion with a specificity edit: %v", codes(res))
}

func TestReleaseErrors(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct {
		name string
		req  suggest.Request
		want error
		msg  string
	}{
		{"before every release", suggest.Request{DateOfService: day("2025-09-30")}, corpus.ErrNotCovered, "FY2026 2025-10-01..2026-09-30, FY2027 2026-10-01..2027-09-30"},
		{"after every release", suggest.Request{DateOfService: day("2027-10-01")}, corpus.ErrNotCovered, "2026-10-01..2027-09-30"},
		{"unknown release", suggest.Request{Release: "FY2024"}, corpus.ErrUnknownRelease, "FY2026"},
		{"release and a date outside it", suggest.Request{Release: "FY2026", DateOfService: day("2026-11-15")}, corpus.ErrNotCovered, "FY2026 (2025-10-01..2026-09-30) does not cover the date of service 2026-11-15"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.Text = "Essential hypertension."
			_, err := eng.Suggest(context.Background(), tc.req)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %v, want %v naming %q", err, tc.want, tc.msg)
			}
		})
	}
}

// TestReleaseDefaultChild: a name of a code FY2027 expanded (the FY2023
// inclusion term "Congestive cardiomyopathy" of I42.0) lands on the new
// unspecified child with a specificity edit, not on "Other dilated
// cardiomyopathy"; in FY2026 it is I42.0 itself.
func TestReleaseDefaultChild(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct {
		date, code, edit string
	}{
		{"2026-11-15", "I42.00", "I42.0 is a category, not billable; I42.00 assumed"},
		{"2026-03-01", "I42.0", ""},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: "Congestive cardiomyopathy.", DateOfService: day(tc.date)})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.code {
			t.Fatalf("%s: %v, want %s first", tc.date, codes(res), tc.code)
		}
		var msgs []string
		for _, e := range res.Suggestions[0].Edits {
			msgs = append(msgs, e.Message)
		}
		if got := strings.Join(msgs, "; "); !strings.Contains(got, tc.edit) || tc.edit == "" && got != "" {
			t.Errorf("%s: edits %q, want %q", tc.date, got, tc.edit)
		}
		if slices.Contains(codes(res), "I42.09") {
			t.Errorf("%s: I42.09 (other dilated cardiomyopathy) suggested: %v", tc.date, codes(res))
		}
	}
}
