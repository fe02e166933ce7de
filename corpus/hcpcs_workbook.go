package corpus

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// ReadHCPCSWorkbook reads the Excel edition of the HCPCS Level II
// alpha-numeric file (HCPCYYYY_MON_ANWEB.xlsx). The worksheet is the first
// one whose first row names the columns HCPC, RECID and LONG DESCRIPTION;
// columns are found by header name (case, blanks and underscores ignored),
// so their order does not matter. SHORT DESCRIPTION, ADD DT, ACT EFF DT and
// TERM DT are used when present. Rows are streamed, not loaded whole.
//
// Codes have the shape ReadHCPCSText gives. Codes whose termination date is
// on or before the release date are not active and are left out (see
// ActiveHCPCS); the release date is told by the worksheet or file name (see
// HCPCSRelease), else it is the newest add or action effective date in the
// file. For the October 2025 workbook (release 2025-10-01) that drops 1,205
// of 8,463 procedure codes and 20 of 383 modifiers (every one terminated by
// 2025-09-30), leaving 7,258 procedure codes and 363 modifiers.
//
// Errors name the file; malformed rows are a *ParseError whose Line is the
// worksheet row number (1-based, the header is row 1).
func ReadHCPCSWorkbook(path string) ([]*Code, error) {
	codes, _, err := readHCPCSWorkbook(path)
	return codes, err
}

// hcpcsWorkbookStats are what readHCPCSWorkbook saw, for tests and benchmarks.
type hcpcsWorkbookStats struct {
	procedures, modifiers int // records in the file
	dropped               int // terminated on or before release
	release               time.Time
}

// hcpcsColumns are the 0-based positions of the columns the reader uses; -1
// when absent.
type hcpcsColumns struct {
	code, recid, long, short, added, effective, term int
}

func newHCPCSColumns(header []string) (hcpcsColumns, bool) {
	c := hcpcsColumns{-1, -1, -1, -1, -1, -1, -1}
	for i, h := range header {
		k := strings.ToUpper(strings.NewReplacer(" ", "", "_", "", "\u00a0", "").Replace(h))
		var p *int
		switch k {
		case "HCPC", "HCPCS", "HCPCSCODE":
			p = &c.code
		case "RECID":
			p = &c.recid
		case "LONGDESCRIPTION":
			p = &c.long
		case "SHORTDESCRIPTION":
			p = &c.short
		case "ADDDT":
			p = &c.added
		case "ACTEFFDT":
			p = &c.effective
		case "TERMDT":
			p = &c.term
		}
		if p != nil && *p < 0 {
			*p = i
		}
	}
	return c, c.code >= 0 && c.recid >= 0 && c.long >= 0
}

func readHCPCSWorkbook(path string) ([]*Code, hcpcsWorkbookStats, error) {
	var st hcpcsWorkbookStats
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, st, fmt.Errorf("corpus: open HCPCS workbook %s: %w", path, err)
	}
	defer f.Close()

	var (
		rows  *excelize.Rows
		cols  hcpcsColumns
		sheet string
	)
	for _, name := range f.GetSheetList() {
		rs, err := f.Rows(name)
		if err != nil {
			return nil, st, &ParseError{File: path, Err: fmt.Errorf("worksheet %q: %w", name, err)}
		}
		if rs.Next() {
			header, err := rs.Columns()
			if err != nil {
				rs.Close()
				return nil, st, &ParseError{File: path, Line: 1, Err: fmt.Errorf("worksheet %q: %w", name, err)}
			}
			if c, ok := newHCPCSColumns(header); ok {
				rows, cols, sheet = rs, c, name
				break
			}
		}
		rs.Close()
	}
	if rows == nil {
		return nil, st, &ParseError{File: path, Err: errors.New("no worksheet with HCPC, RECID and LONG DESCRIPTION columns")}
	}
	defer rows.Close()

	var (
		out    []*Code
		seen   = map[string]int{}
		newest time.Time
		row    = 1
	)
	cell := func(r []string, i int) string {
		if i < 0 || i >= len(r) {
			return ""
		}
		return strings.TrimSpace(r[i])
	}
	for rows.Next() {
		row++
		r, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, st, &ParseError{File: path, Line: row, Err: err}
		}
		if isBlankRow(r) {
			continue
		}
		fail := func(format string, args ...any) error {
			return &ParseError{File: path, Line: row, Err: fmt.Errorf(format, args...)}
		}
		raw, recid, long := cell(r, cols.code), cell(r, cols.recid), cell(r, cols.long)
		var mod bool
		switch recid {
		case "3":
		case "7":
			mod = true
		case "4", "8":
			// No continuation rows in the Excel edition so far; join them
			// like the text file does should one appear.
			prev := len(out) - 1
			if prev < 0 || out[prev].Code != strings.ToUpper(raw) || out[prev].Modifier != (recid == "8") {
				return nil, st, fail("continuation of %q without its first row", raw)
			}
			if long != "" {
				out[prev].Display += " " + long
				out[prev].Names[0].Text = out[prev].Display
			}
			continue
		default:
			return nil, st, fail("bad RECID %q (want 3 or 7)", recid)
		}
		code := raw
		if mod {
			if len(code) != 2 || !isAlnum(code[0]) || !isAlnum(code[1]) {
				return nil, st, fail("bad modifier %q (want 2 letters or digits)", raw)
			}
			code = strings.ToUpper(code)
			st.modifiers++
		} else {
			if !isHCPCSProcedure(code) {
				return nil, st, fail("bad procedure code %q (want a letter and 4 digits)", raw)
			}
			st.procedures++
		}
		key := recid + code
		if first, dup := seen[key]; dup {
			return nil, st, fail("duplicate code %q (first at row %d)", code, first)
		}
		seen[key] = row
		if long == "" {
			return nil, st, fail("code %q has no long description", code)
		}
		added, err := parseHCPCSDate(cell(r, cols.added), "ADD DT")
		if err != nil {
			return nil, st, fail("%w", err)
		}
		eff, err := parseHCPCSDate(cell(r, cols.effective), "ACT EFF DT")
		if err != nil {
			return nil, st, fail("%w", err)
		}
		term, err := parseHCPCSDate(cell(r, cols.term), "TERM DT")
		if err != nil {
			return nil, st, fail("%w", err)
		}
		for _, d := range [...]time.Time{added, eff} {
			if d.After(newest) {
				newest = d
			}
		}
		out = append(out, newHCPCSCode(code, mod, long, cell(r, cols.short), added, term))
	}
	if err := rows.Error(); err != nil {
		return nil, st, &ParseError{File: path, Line: row, Err: err}
	}
	if len(out) == 0 {
		return nil, st, &ParseError{File: path, Err: fmt.Errorf("worksheet %q has no HCPCS rows", sheet)}
	}
	rel, ok := hcpcsQuarter(sheet)
	if !ok {
		rel, ok = hcpcsQuarter(filepath.Base(path))
	}
	if !ok {
		rel = newest
	}
	st.release = rel
	out, st.dropped = ActiveHCPCS(out, rel)
	return out, st, nil
}

func isBlankRow(r []string) bool {
	for _, s := range r {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// workbookSheets lists the worksheet names of an .xlsx file.
func workbookSheets(path string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetSheetList(), nil
}
