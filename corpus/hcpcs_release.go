package corpus

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// HCPCSRelease describes the HCPCS release a file holds, told by the
// publisher's file name (HCPC2025_OCT_ANWEB.xlsx is the October 2025
// quarterly update, effective 2025-10-01; HCPC2020_ANWEB_w_disclaimer.txt the
// 2020 annual file, effective 2020-01-01) or, for a renamed workbook, by its
// worksheet name, which repeats the file name. A file that tells neither
// gives a Release named "user" with a zero Effective date. Expires is left
// open: a quarterly file is in force until the next one is loaded. Codes and
// Billable are filled in by NewSet.
func HCPCSRelease(path string) Release {
	r := Release{System: HCPCS, Name: "user", Source: path}
	eff, ok := hcpcsQuarter(filepath.Base(path))
	if !ok && strings.EqualFold(filepath.Ext(path), ".xlsx") {
		if names, err := workbookSheets(path); err == nil {
			for _, n := range names {
				if eff, ok = hcpcsQuarter(n); ok {
					break
				}
			}
		}
	}
	if ok {
		r.Name = eff.Format("2006-01")
		r.Effective = eff
	}
	return r
}

// hcpcsQuarter reads the release date from a CMS name: "HCPC" (or
// "HCPCS"), a 4-digit year, then optionally "_JAN", "_APR", "_JUL" or
// "_OCT". A year alone is the annual release, effective January 1.
func hcpcsQuarter(name string) (time.Time, bool) {
	u := strings.ToUpper(name)
	i := strings.Index(u, "HCPC")
	if i < 0 {
		return time.Time{}, false
	}
	u = strings.TrimPrefix(u[i+4:], "S")
	if len(u) < 4 {
		return time.Time{}, false
	}
	year, err := strconv.Atoi(u[:4])
	if err != nil || year < 1980 || year > 2999 {
		return time.Time{}, false
	}
	month := time.January
	rest := strings.TrimLeft(u[4:], "_- ")
	switch {
	case strings.HasPrefix(rest, "APR"):
		month = time.April
	case strings.HasPrefix(rest, "JUL"):
		month = time.July
	case strings.HasPrefix(rest, "OCT"):
		month = time.October
	}
	return time.Date(year, month, 1, 0, 0, 0, 0, time.UTC), true
}

// ActiveHCPCS returns the codes still in force on the release date: those
// without a termination date or terminated after it. A code whose
// termination date falls on or before the release date is left out and
// counted in dropped. A zero release date keeps every code. The input is not
// modified; order is kept.
func ActiveHCPCS(codes []*Code, release time.Time) (active []*Code, dropped int) {
	if release.IsZero() {
		return codes, 0
	}
	active = make([]*Code, 0, len(codes))
	for _, c := range codes {
		if !c.Terminated.IsZero() && !c.Terminated.After(release) {
			dropped++
			continue
		}
		active = append(active, c)
	}
	return active, dropped
}
