package corpus

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// AlphaIndex is a parsed ICD-10-CM index file: the Alphabetic Index to
// Diseases and Injuries, the External Cause Index, the Neoplasm Table or
// the Table of Drugs and Chemicals. All four share the root
// <ICD10CM.index>; the two tables add column headings and cells.
type AlphaIndex struct {
	Version string
	Title   string
	// Heads are the column headings of a table index (Neoplasm, Drugs),
	// in column order; empty for the plain indexes.
	Heads []Head
	// Terms are every main term and nested term in document order.
	Terms []*IndexTerm
}

// Head is one column heading of a table index.
type Head struct {
	Col  int
	Text string // "Malignant Primary"
}

// IndexTerm is one <mainTerm> or <term> of an index.
type IndexTerm struct {
	// Path holds the titles from the main term down to this term, without
	// nonessential modifiers: ["Diabetes, diabetic", "type 2", "with"].
	Path []string
	// Nemod is this term's nonessential modifiers as printed, e.g.
	// "(-astasia) (hysterical)"; "" when none.
	Nemod  string
	Level  int    // 0 for a main term, n for <term level="n">
	Letter string // title of the enclosing <letter>
	// Code is the term's code, canonical, with a trailing "-" removed
	// (Incomplete then says the code needs more characters from the
	// Tabular List). Values that are not code-shaped are kept as printed.
	Code       string
	Incomplete bool
	// Manif is the manifestation code printed in brackets, canonical.
	Manif           string
	ManifIncomplete bool
	See, SeeAlso    string
	SeeCat, SubCat  string
	// Cells are the table cells that hold a code ("--" cells are left
	// out), in column order.
	Cells []Cell
	Line  int
}

// Cell is one code of a table-index row.
type Cell struct {
	Col        int
	Code       string // canonical, trailing "-" removed
	Incomplete bool
}

// Text is the term's path joined with ", ", the form used as a name:
// "Diabetes, diabetic, type 2, with, chronic kidney disease".
func (t *IndexTerm) Text() string { return strings.Join(t.Path, ", ") }

// Head returns the heading of column col, "" when there is none.
func (ix *AlphaIndex) Head(col int) string {
	for _, h := range ix.Heads {
		if h.Col == col {
			return h.Text
		}
	}
	return ""
}

// ReadIndex reads one ICD-10-CM index XML file, streaming. It checks the
// structure the official schemas (icd10cm-index-YYYY.xsd,
// icd-10-cm-drug-neoplasm-YYYY.xsd) require: the root, which elements may
// appear where, a title on every letter and term, term levels that nest
// by one, and column numbers 1..9 on heads and cells. Violations and XML
// syntax errors are *ParseError naming file and line.
func ReadIndex(r io.Reader, file string) (*AlphaIndex, error) {
	x := newXMLReader(r, file)
	ix := &AlphaIndex{}
	var (
		stack    []*IndexTerm // open terms
		letter   string
		rootSeen bool
		titled   bool // the innermost open letter/term has its title
	)
	for {
		tok, err := x.token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.CharData:
			if len(strings.TrimSpace(string(el))) > 0 {
				return nil, x.errorf("unexpected text %s", x.where())
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "mainTerm", "term":
				stack = stack[:len(stack)-1]
				titled = true
			case "letter":
				if !titled {
					return nil, x.errorf("<letter> without <title>")
				}
			}
		case xml.StartElement:
			name, parent := el.Name.Local, x.parent()
			if len(x.stack) == 1 {
				if name != "ICD10CM.index" || rootSeen {
					return nil, x.errorf("root element <%s>, want one <ICD10CM.index>", name)
				}
				rootSeen = true
				continue
			}
			if !indexChildOK(parent, name) {
				return nil, x.errorf("<%s> not allowed inside <%s>", name, parent)
			}
			var cur *IndexTerm
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
			}
			if (name != "title" && name != "diff") && !titled && (parent == "letter" || parent == "mainTerm" || parent == "term") {
				return nil, x.errorf("<%s> before the <title> of its <%s>", name, parent)
			}
			switch name {
			case "version":
				v, _, err := x.text(indexMarkup, "")
				if err != nil {
					return nil, err
				}
				ix.Version = v
			case "title", "diff":
				v, nemod, err := x.text(indexMarkup, "nemod")
				if err != nil {
					return nil, err
				}
				switch parent {
				case "ICD10CM.index":
					ix.Title = v
				case "letter":
					if titled {
						return nil, x.errorf("second <title> in <letter>")
					}
					letter, titled = v, true
				default:
					if titled {
						return nil, x.errorf("second <title> in <%s>", parent)
					}
					titled = true
					cur.Nemod = nemod
					cur.Path[len(cur.Path)-1] = v
				}
			case "head":
				col, err := indexCol(x, el)
				if err != nil {
					return nil, err
				}
				v, _, err := x.text(indexMarkup, "")
				if err != nil {
					return nil, err
				}
				ix.Heads = append(ix.Heads, Head{Col: col, Text: v})
			case "letter":
				letter, titled = "", false
			case "mainTerm", "term":
				level := 0
				if name == "term" {
					lv, ok := xmlAttr(el, "level")
					n, err := strconv.Atoi(strings.TrimSpace(lv))
					if !ok || err != nil || n < 1 || n > 9 {
						return nil, x.errorf("<term> level %q, want 1..9", lv)
					}
					if n != cur.Level+1 {
						return nil, x.errorf("<term> level %d inside level %d", n, cur.Level)
					}
					level = n
				}
				t := &IndexTerm{Level: level, Letter: letter, Line: x.line()}
				if cur != nil {
					t.Path = make([]string, len(cur.Path), len(cur.Path)+1)
					copy(t.Path, cur.Path)
				}
				t.Path = append(t.Path, "")
				ix.Terms = append(ix.Terms, t)
				stack = append(stack, t)
				titled = false
			case "code", "manif":
				v, _, err := x.text(indexMarkup, "")
				if err != nil {
					return nil, err
				}
				code, inc := indexCode(v)
				if name == "code" {
					cur.Code, cur.Incomplete = code, inc
				} else {
					cur.Manif, cur.ManifIncomplete = code, inc
				}
			case "cell":
				col, err := indexCol(x, el)
				if err != nil {
					return nil, err
				}
				v, _, err := x.text(indexMarkup, "")
				if err != nil {
					return nil, err
				}
				if v == "" || strings.Trim(v, "-") == "" {
					continue
				}
				code, inc := indexCode(v)
				cur.Cells = append(cur.Cells, Cell{Col: col, Code: code, Incomplete: inc})
			case "see", "seeAlso", "seecat", "subcat", "warning":
				v, _, err := x.text(indexMarkup, "")
				if err != nil {
					return nil, err
				}
				switch name {
				case "see":
					cur.See = v
				case "seeAlso":
					cur.SeeAlso = v
				case "seecat":
					cur.SeeCat = v
				case "subcat":
					cur.SubCat = v
				}
			case "indexHeading":
				// container
			default:
				return nil, x.errorf("unexpected <%s> inside <%s>", name, parent)
			}
		}
	}
	if !rootSeen {
		return nil, &ParseError{File: file, Err: errors.New("no <ICD10CM.index> element")}
	}
	return ix, nil
}

// indexCol reads the required col attribute (1..9) of a head or cell.
func indexCol(x *xmlReader, el xml.StartElement) (int, error) {
	v, ok := xmlAttr(el, "col")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if !ok || err != nil || n < 1 || n > 9 {
		return 0, x.errorf("<%s> col %q, want 1..9", el.Name.Local, v)
	}
	return n, nil
}

// indexCode canonicalizes an index code: trailing "-" removed (reported
// as incomplete), dotted upper case when code-shaped, else as printed.
func indexCode(v string) (string, bool) {
	v = strings.TrimSpace(v)
	inc := strings.HasSuffix(v, "-")
	v = strings.TrimRight(v, "-")
	v = strings.TrimSuffix(v, ".")
	raw := strings.ToUpper(undot(v))
	if isICDCode(raw) {
		return NormalizeCode(ICD10CM, raw), inc
	}
	return v, inc
}

// indexMarkup are the tags allowed inside index text elements.
func indexMarkup(name string) bool {
	switch name {
	case "nemod", "diff", "new", "old", "unc":
		return true
	}
	return false
}

// indexChildOK reports whether the index schemas allow child inside
// parent (structural elements only; text elements are checked by text).
func indexChildOK(parent, child string) bool {
	switch parent {
	case "ICD10CM.index":
		return child == "version" || child == "title" || child == "indexHeading" || child == "letter"
	case "indexHeading":
		return child == "head"
	case "letter":
		return child == "title" || child == "diff" || child == "mainTerm"
	case "mainTerm", "term":
		switch child {
		case "title", "diff", "see", "seeAlso", "code", "seecat", "subcat", "manif", "warning", "cell", "term":
			return true
		}
	}
	return false
}
