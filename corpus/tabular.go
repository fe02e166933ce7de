package corpus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Tabular is a parsed ICD-10-CM Tabular List (icd10cm_tabular_YYYY.xml).
type Tabular struct {
	Version  string
	Chapters []Chapter
	// Diags are every <diag> in document order.
	Diags []*Diag
}

// Chapter is one chapter of the Tabular List.
type Chapter struct {
	Number   string // "4"
	Title    string // "Endocrine, nutritional and metabolic diseases (E00-E89)"
	Notes    Notes
	Sections []Section
	Line     int
}

// Section is a block of categories ("E08-E13").
type Section struct {
	ID    string // "E08-E13"
	Title string
	Notes Notes
	Line  int
}

// Diag is one <diag> element: a category, subcategory or code.
type Diag struct {
	Code      string // canonical, dotted
	Title     string
	Parent    string // enclosing diag's code; "" for a category
	Chapter   string
	Section   string
	Inclusion []string
	Notes     Notes
	// SevenChr is the effective seventh-character table: the diag's own
	// sevenChrDef or the nearest enclosing one (diag, section or chapter).
	SevenChr []Extension
	Line     int
}

// tabularFrame is one open chapter, section or diag while reading.
type tabularFrame struct {
	kind     string // "chapter", "section", "diag"
	chapter  *Chapter
	section  *Section
	diag     *Diag
	notes    *Notes
	incl     *[]string
	sevenChr []Extension // effective table in this scope
	hasName  bool
	hasDesc  bool
	line     int
	depth    int // element-stack depth of the opening tag
}

// ReadTabular reads an ICD-10-CM Tabular List XML file, streaming. It
// checks the structure the official schema (icd-10-cm-tabular-YYYY.xsd)
// requires: the root element, which elements may appear where, a name and
// a description for every chapter and diag, a code-shaped diag name nested
// under its parent's code, unique diag names and well-formed sevenChrDef
// characters. Violations and XML syntax errors are *ParseError naming
// file and line.
func ReadTabular(r io.Reader, file string) (*Tabular, error) {
	x := newXMLReader(r, file)
	t := &Tabular{}
	seen := map[string]bool{}
	var frames []*tabularFrame
	top := func() *tabularFrame {
		if len(frames) == 0 {
			return nil
		}
		return frames[len(frames)-1]
	}
	rootSeen := false
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
			if (len(x.stack) == 0 || !tabularMixed(x.stack[len(x.stack)-1])) && len(strings.TrimSpace(string(el))) > 0 {
				return nil, x.errorf("unexpected text %s", x.where())
			}
		case xml.EndElement:
			f := top()
			if f == nil || len(x.stack) != f.depth-1 {
				continue
			}
			if !f.hasName {
				return nil, &ParseError{File: file, Line: f.line, Err: fmt.Errorf("<%s> without <name>", f.kind)}
			}
			if !f.hasDesc && f.kind != "section" {
				return nil, &ParseError{File: file, Line: f.line, Err: fmt.Errorf("<%s> without <desc>", f.kind)}
			}
			frames = frames[:len(frames)-1]
		case xml.StartElement:
			name, parent := el.Name.Local, x.parent()
			if len(x.stack) == 1 {
				if name != "ICD10CM.tabular" || rootSeen {
					return nil, x.errorf("root element <%s>, want one <ICD10CM.tabular>", name)
				}
				rootSeen = true
				if v, ok := xmlAttr(el, "isAddenda"); ok && v != "true" && v != "false" {
					return nil, x.errorf("isAddenda=%q, want true or false", v)
				}
				continue
			}
			if !tabularChildOK(parent, name) {
				return nil, x.errorf("<%s> not allowed inside <%s>", name, parent)
			}
			f := top()
			switch name {
			case "version":
				v, _, err := x.text(contentMarkup, "")
				if err != nil {
					return nil, err
				}
				t.Version = v
			case "chapter":
				t.Chapters = append(t.Chapters, Chapter{Line: x.line()})
				ch := &t.Chapters[len(t.Chapters)-1]
				frames = append(frames, &tabularFrame{kind: name, chapter: ch, notes: &ch.Notes, line: ch.Line, depth: len(x.stack)})
			case "section":
				ch := &t.Chapters[len(t.Chapters)-1]
				id, ok := xmlAttr(el, "id")
				if !ok || strings.TrimSpace(id) == "" {
					return nil, x.errorf("<section> without id")
				}
				ch.Sections = append(ch.Sections, Section{ID: strings.TrimSpace(id), Line: x.line()})
				sec := &ch.Sections[len(ch.Sections)-1]
				frames = append(frames, &tabularFrame{kind: name, chapter: ch, section: sec, notes: &sec.Notes,
					sevenChr: f.sevenChr, hasName: true, line: sec.Line, depth: len(x.stack)})
			case "diag":
				d := &Diag{Line: x.line(), SevenChr: f.sevenChr}
				if f.chapter != nil {
					d.Chapter = f.chapter.Number
				}
				if f.section != nil {
					d.Section = f.section.ID
				}
				if f.diag != nil {
					d.Parent = f.diag.Code
				}
				if v, ok := xmlAttr(el, "placeholder"); ok && v != "true" && v != "false" {
					return nil, x.errorf("placeholder=%q, want true or false", v)
				}
				t.Diags = append(t.Diags, d)
				frames = append(frames, &tabularFrame{kind: name, chapter: f.chapter, section: f.section, diag: d,
					notes: &d.Notes, incl: &d.Inclusion, sevenChr: f.sevenChr, line: d.Line, depth: len(x.stack)})
			case "name":
				v, _, err := x.text(contentMarkup, "")
				if err != nil {
					return nil, err
				}
				if f == nil {
					continue
				}
				f.hasName = true
				switch f.kind {
				case "chapter":
					if v == "" {
						return nil, x.errorf("empty chapter <name>")
					}
					f.chapter.Number = v
				case "diag":
					code, err := tabularCode(v, f.diag.Parent)
					if err != nil {
						return nil, x.errorf("%v", err)
					}
					if seen[code] {
						return nil, x.errorf("duplicate diag %s", code)
					}
					seen[code] = true
					f.diag.Code = code
				}
			case "desc":
				v, _, err := x.text(contentMarkup, "")
				if err != nil {
					return nil, err
				}
				if f == nil {
					continue // deactivated
				}
				if x.parent() == "deactivated" {
					continue
				}
				f.hasDesc = true
				switch f.kind {
				case "chapter":
					f.chapter.Title = v
				case "section":
					f.section.Title = v
				case "diag":
					if v == "" {
						return nil, x.errorf("empty <desc> of %s", f.diag.Code)
					}
					f.diag.Title = v
				}
			case "inclusionTerm", "includes", "excludes1", "excludes2", "codeFirst",
				"useAdditionalCode", "codeAlso", "notes", "sevenChrNote":
				if parent == "ICD10CM.tabular" || f == nil {
					return nil, x.errorf("<%s> outside a chapter", name)
				}
				notes, err := readNotes(x)
				if err != nil {
					return nil, err
				}
				dst := noteField(f, name)
				*dst = append(*dst, notes...)
			case "sevenChrDef":
				ext, notes, err := readSevenChrDef(x)
				if err != nil {
					return nil, err
				}
				f.sevenChr = ext
				if f.diag != nil {
					f.diag.SevenChr = ext
				}
				f.notes.SevenChrNote = append(f.notes.SevenChrNote, notes...)
			case "sectionRef", "note":
				if _, _, err := x.text(contentMarkup, ""); err != nil {
					return nil, err
				}
			case "introSection":
				if _, ok := xmlAttr(el, "type"); !ok {
					return nil, x.errorf("<introSection> without type")
				}
				if err := x.skip(); err != nil {
					return nil, err
				}
			case "visualImpairment", "deactivated", "title":
				if err := x.skip(); err != nil {
					return nil, err
				}
			case "introduction", "sectionIndex":
				// containers; children checked as they come
			default:
				return nil, x.errorf("unexpected <%s> inside <%s>", name, parent)
			}
		}
	}
	if !rootSeen {
		return nil, &ParseError{File: file, Err: errors.New("no <ICD10CM.tabular> element")}
	}
	return t, nil
}

// noteField picks the list a note block appends to.
func noteField(f *tabularFrame, name string) *[]string {
	switch name {
	case "inclusionTerm":
		if f.incl != nil {
			return f.incl
		}
		return &f.notes.Includes
	case "includes":
		return &f.notes.Includes
	case "excludes1":
		return &f.notes.Excludes1
	case "excludes2":
		return &f.notes.Excludes2
	case "codeFirst":
		return &f.notes.CodeFirst
	case "useAdditionalCode":
		return &f.notes.UseAdditional
	case "codeAlso":
		return &f.notes.CodeAlso
	case "sevenChrNote":
		return &f.notes.SevenChrNote
	}
	return &f.notes.Notes
}

// readNotes reads the <note> children of a note block just started.
func readNotes(x *xmlReader) ([]string, error) {
	var out []string
	depth := len(x.stack)
	for {
		tok, err := x.token()
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "note" {
				return nil, x.errorf("<%s> not allowed inside <%s>", el.Name.Local, x.parent())
			}
			v, _, err := x.text(contentMarkup, "")
			if err != nil {
				return nil, err
			}
			if v != "" {
				out = append(out, v)
			}
		case xml.EndElement:
			if len(x.stack) < depth {
				return out, nil
			}
		case xml.CharData:
			if len(strings.TrimSpace(string(el))) > 0 {
				return nil, x.errorf("unexpected text %s", x.where())
			}
		}
	}
}

// readSevenChrDef reads the extensions (and any notes) of a sevenChrDef.
func readSevenChrDef(x *xmlReader) ([]Extension, []string, error) {
	var ext []Extension
	var notes []string
	depth := len(x.stack)
	for {
		tok, err := x.token()
		if err != nil {
			return nil, nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "extension":
				ch, _ := xmlAttr(el, "char")
				ch = strings.TrimSpace(ch)
				if !isExtensionChar(ch) {
					return nil, nil, x.errorf("sevenChrDef extension char %q, want one or two letters or digits", ch)
				}
				v, _, err := x.text(contentMarkup, "")
				if err != nil {
					return nil, nil, err
				}
				ext = append(ext, Extension{Char: ch, Text: v})
			case "note":
				v, _, err := x.text(contentMarkup, "")
				if err != nil {
					return nil, nil, err
				}
				notes = append(notes, v)
			default:
				return nil, nil, x.errorf("<%s> not allowed inside <sevenChrDef>", el.Name.Local)
			}
		case xml.EndElement:
			if len(x.stack) < depth {
				return ext, notes, nil
			}
		}
	}
}

func isExtensionChar(s string) bool {
	if len(s) < 1 || len(s) > 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') {
			return false
		}
	}
	return true
}

// tabularCode validates a diag name and returns it canonical. A nested
// diag must be longer than its parent and in the same category (not
// always an extension of the parent: FY2023 nests H54.512A under
// H54.511).
func tabularCode(v, parent string) (string, error) {
	raw := strings.ToUpper(undot(v))
	if !isICDCode(raw) || strings.Count(v, ".") > 1 || (strings.Contains(v, ".") && strings.Index(v, ".") != 3) {
		return "", fmt.Errorf("malformed diag name %q", v)
	}
	code := NormalizeCode(ICD10CM, raw)
	if parent != "" {
		p := undot(parent)
		if len(raw) <= len(p) || raw[:3] != p[:3] {
			return "", fmt.Errorf("diag %s nested under %s", code, parent)
		}
	} else if len(raw) != 3 {
		return "", fmt.Errorf("top-level diag %s is not a three-character category", code)
	}
	return code, nil
}

// contentMarkup are the addenda tags the schema's contentType allows in
// text.
func contentMarkup(name string) bool {
	switch name {
	case "diff", "new", "old", "unc":
		return true
	}
	return false
}

// tabularMixed reports whether element name may hold text.
func tabularMixed(name string) bool {
	switch name {
	case "version", "title", "name", "desc", "note", "diff", "new", "old", "unc",
		"extension", "sectionRef", "heading", "value":
		return true
	}
	return false
}

// tabularChildOK reports whether the schema allows child inside parent.
func tabularChildOK(parent, child string) bool {
	notes := func() bool {
		switch child {
		case "name", "desc", "inclusionTerm", "sevenChrNote", "sevenChrDef", "includes",
			"excludes1", "excludes2", "codeFirst", "useAdditionalCode", "codeAlso", "notes":
			return true
		}
		return false
	}
	switch parent {
	case "ICD10CM.tabular":
		return child == "version" || child == "title" || child == "introduction" || child == "chapter"
	case "introduction":
		return child == "introSection"
	case "chapter":
		return notes() || child == "sectionIndex" || child == "section"
	case "section":
		return notes() || child == "deactivated" || child == "diag"
	case "diag":
		return notes() || child == "visualImpairment" || child == "diag"
	case "sectionIndex":
		return child == "sectionRef" || child == "note"
	}
	return false
}
