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
// TERM DT are used when present. The worksheet XML is scanned directly
// when it has the layout Excel writes, else read with excelize.
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

// readHCPCSWorkbook reads the workbook with the fast sheet reader
// (xlsxsheet.go) and, when the file is laid out in a way that reader does
// not handle, with excelize.
func readHCPCSWorkbook(path string) ([]*Code, hcpcsWorkbookStats, error) {
	codes, st, err := readHCPCSWorkbookFast(path)
	var pe *ParseError
	if err != nil && (errors.Is(err, errXLSXShape) || !errors.As(err, &pe)) {
		return readHCPCSWorkbookExcelize(path)
	}
	return codes, st, err
}

// readHCPCSWorkbookFast reads the workbook with the fast sheet reader; an
// error that is not a *ParseError, or wraps errXLSXShape, asks for excelize.
func readHCPCSWorkbookFast(path string) ([]*Code, hcpcsWorkbookStats, error) {
	book, err := openXLSX(path)
	if err != nil {
		return nil, hcpcsWorkbookStats{}, err
	}
	defer book.Close()
	for _, sh := range book.sheets {
		data, err := sh.sheetXML()
		if err != nil {
			return nil, hcpcsWorkbookStats{}, err
		}
		rows := newXLSXRows(data, book.sst)
		if !rows.Next() || rows.row != 1 {
			if rows.err != nil {
				return nil, hcpcsWorkbookStats{}, rows.err
			}
			continue
		}
		cols, ok := newHCPCSColumns(rows.cells)
		if !ok {
			continue
		}
		h := newHCPCSSheet(path, cols)
		for rows.Next() {
			if err := h.row(rows.row, rows.cells); err != nil {
				return nil, h.st, err
			}
		}
		if rows.err != nil {
			return nil, h.st, rows.err
		}
		return h.finish(sh.name)
	}
	return nil, hcpcsWorkbookStats{}, &ParseError{File: path, Err: errors.New("no worksheet with HCPC, RECID and LONG DESCRIPTION columns")}
}

// readHCPCSWorkbookExcelize reads the workbook with excelize's row
// iterator.
func readHCPCSWorkbookExcelize(path string) ([]*Code, hcpcsWorkbookStats, error) {
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

	h := newHCPCSSheet(path, cols)
	row := 1
	for rows.Next() {
		row++
		r, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, h.st, &ParseError{File: path, Line: row, Err: err}
		}
		if err := h.row(row, r); err != nil {
			return nil, h.st, err
		}
	}
	if err := rows.Error(); err != nil {
		return nil, h.st, &ParseError{File: path, Line: row, Err: err}
	}
	return h.finish(sheet)
}

// hcpcsSheet turns worksheet rows into codes.
type hcpcsSheet struct {
	path   string
	cols   hcpcsColumns
	out    []*Code
	seen   map[string]int
	newest time.Time
	st     hcpcsWorkbookStats
}

func newHCPCSSheet(path string, cols hcpcsColumns) *hcpcsSheet {
	return &hcpcsSheet{path: path, cols: cols, seen: map[string]int{}}
}

// row reads worksheet row number row (1-based; the header is row 1).
func (h *hcpcsSheet) row(row int, r []string) error {
	if isBlankRow(r) {
		return nil
	}
	cell := func(i int) string {
		if i < 0 || i >= len(r) {
			return ""
		}
		return strings.TrimSpace(r[i])
	}
	fail := func(format string, args ...any) error {
		return &ParseError{File: h.path, Line: row, Err: fmt.Errorf(format, args...)}
	}
	cols := h.cols
	raw, recid, long := cell(cols.code), cell(cols.recid), cell(cols.long)
	var mod bool
	switch recid {
	case "3":
	case "7":
		mod = true
	case "4", "8":
		// No continuation rows in the Excel edition so far; join them
		// like the text file does should one appear.
		prev := len(h.out) - 1
		if prev < 0 || h.out[prev].Code != strings.ToUpper(raw) || h.out[prev].Modifier != (recid == "8") {
			return fail("continuation of %q without its first row", raw)
		}
		if long != "" {
			h.out[prev].Display += " " + long
			h.out[prev].Names[0].Text = h.out[prev].Display
		}
		return nil
	default:
		return fail("bad RECID %q (want 3 or 7)", recid)
	}
	code := raw
	if mod {
		if len(code) != 2 || !isAlnum(code[0]) || !isAlnum(code[1]) {
			return fail("bad modifier %q (want 2 letters or digits)", raw)
		}
		code = strings.ToUpper(code)
		h.st.modifiers++
	} else {
		if !isHCPCSProcedure(code) {
			return fail("bad procedure code %q (want a letter and 4 digits)", raw)
		}
		h.st.procedures++
	}
	key := recid + code
	if first, dup := h.seen[key]; dup {
		return fail("duplicate code %q (first at row %d)", code, first)
	}
	h.seen[key] = row
	if long == "" {
		return fail("code %q has no long description", code)
	}
	added, err := parseHCPCSDate(cell(cols.added), "ADD DT")
	if err != nil {
		return fail("%w", err)
	}
	eff, err := parseHCPCSDate(cell(cols.effective), "ACT EFF DT")
	if err != nil {
		return fail("%w", err)
	}
	term, err := parseHCPCSDate(cell(cols.term), "TERM DT")
	if err != nil {
		return fail("%w", err)
	}
	for _, d := range [...]time.Time{added, eff} {
		if d.After(h.newest) {
			h.newest = d
		}
	}
	h.out = append(h.out, newHCPCSCode(code, mod, long, cell(cols.short), added, term))
	return nil
}

// finish drops the codes no longer active on the release date.
func (h *hcpcsSheet) finish(sheet string) ([]*Code, hcpcsWorkbookStats, error) {
	if len(h.out) == 0 {
		return nil, h.st, &ParseError{File: h.path, Err: fmt.Errorf("worksheet %q has no HCPCS rows", sheet)}
	}
	rel, ok := hcpcsQuarter(sheet)
	if !ok {
		rel, ok = hcpcsQuarter(filepath.Base(h.path))
	}
	if !ok {
		rel = h.newest
	}
	h.st.release = rel
	var out []*Code
	out, h.st.dropped = ActiveHCPCS(h.out, rel)
	return out, h.st, nil
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
