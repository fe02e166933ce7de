package corpus

import (
	"sort"
	"strings"
)

// icdBuilder maps Tabular List and index content of any edition onto the
// codes of one order file.
type icdBuilder struct {
	byRaw map[string]*Code // undotted code -> code
	codes []*Code
	// dropped counts index codes that matched no order-file code even by
	// prefix (publisher quirks such as "SCFE").
	dropped int
}

func newICDBuilder(codes []*Code) *icdBuilder {
	b := &icdBuilder{byRaw: make(map[string]*Code, len(codes)), codes: codes}
	for _, c := range codes {
		b.byRaw[undot(c.Code)] = c
	}
	return b
}

// resolve finds the order-file code for code (any edition): the code
// itself, else its longest prefix that is a code. exact is false for the
// latter.
func (b *icdBuilder) resolve(code string) (c *Code, exact bool) {
	raw := strings.ToUpper(undot(code))
	for n := len(raw); n >= 3; n-- {
		if c, ok := b.byRaw[raw[:n]]; ok {
			return c, n == len(raw)
		}
	}
	return nil, false
}

// addTabular copies notes, inclusion terms, chapters and seventh-character
// tables of the Tabular List onto the order-file codes.
func (b *icdBuilder) addTabular(t *Tabular) {
	diags := make(map[string]*Diag, len(t.Diags))
	for _, d := range t.Diags {
		diags[undot(d.Code)] = d
		c, exact := b.resolve(d.Code)
		if c == nil {
			b.dropped++
			continue
		}
		if exact {
			c.Notes = mergeNotes(c.Notes, d.Notes)
		} else {
			// The code left the classification: its title and terms
			// still describe the ancestor's content.
			c.Names = append(c.Names, Name{Text: d.Title, Kind: NameInclusion})
		}
		for _, term := range d.Inclusion {
			c.Names = append(c.Names, Name{Text: term, Kind: NameInclusion})
		}
	}
	// Every code takes the chapter and the effective seventh-character
	// table of its nearest Tabular List ancestor (itself included).
	for _, c := range b.codes {
		raw := undot(c.Code)
		for n := len(raw); n >= 3; n-- {
			d, ok := diags[raw[:n]]
			if !ok {
				continue
			}
			if d.Chapter != "" {
				c.Chapter = d.Chapter
			}
			if len(d.SevenChr) > 0 {
				c.SevenChr = d.SevenChr
			}
			break
		}
	}
}

// addIndex turns every index term with a code into a name of that code:
// the term path for the plain indexes (kind NameIndex, NameExternal), the
// path and the column heading for the Neoplasm Table (NameNeoplasm), and
// "Poisoning by <substance>, <intent>", "Adverse effect of <substance>",
// "Underdosing of <substance>" for the Table of Drugs (NameDrug).
func (b *icdBuilder) addIndex(ix *AlphaIndex, kind NameKind) {
	add := func(code, text string) {
		if code == "" || text == "" {
			return
		}
		c, _ := b.resolve(code)
		if c == nil {
			b.dropped++
			return
		}
		c.Names = append(c.Names, Name{Text: text, Kind: kind})
	}
	for _, t := range ix.Terms {
		path := t.Text()
		switch kind {
		case NameNeoplasm:
			for _, cell := range t.Cells {
				add(cell.Code, neoplasmName(path, ix.Head(cell.Col)))
			}
		case NameDrug:
			for _, cell := range t.Cells {
				add(cell.Code, drugName(path, ix.Head(cell.Col)))
			}
		default:
			add(t.Code, path)
			add(t.Manif, path)
			for _, cell := range t.Cells {
				add(cell.Code, path)
			}
		}
	}
}

// neoplasmName is "Neoplasm, neoplastic, breast, malignant primary".
func neoplasmName(path, head string) string {
	if head == "" {
		return path
	}
	return path + ", " + strings.ToLower(head)
}

// drugName phrases a Table of Drugs cell after its column heading:
// "Poisoning Accidental (unintentional)" gives "Poisoning by <substance>,
// accidental (unintentional)"; "Adverse effect" gives "Adverse effect of
// <substance>".
func drugName(substance, head string) string {
	switch {
	case head == "":
		return substance
	case strings.HasPrefix(strings.ToLower(head), "poisoning "):
		return "Poisoning by " + substance + ", " + strings.ToLower(strings.TrimSpace(head[len("poisoning "):]))
	}
	return head + " of " + substance
}

// mergeNotes appends the note lists of add to those of n.
func mergeNotes(n, add Notes) Notes {
	n.Includes = append(n.Includes, add.Includes...)
	n.Excludes1 = append(n.Excludes1, add.Excludes1...)
	n.Excludes2 = append(n.Excludes2, add.Excludes2...)
	n.CodeFirst = append(n.CodeFirst, add.CodeFirst...)
	n.UseAdditional = append(n.UseAdditional, add.UseAdditional...)
	n.CodeAlso = append(n.CodeAlso, add.CodeAlso...)
	n.Notes = append(n.Notes, add.Notes...)
	n.SevenChrNote = append(n.SevenChrNote, add.SevenChrNote...)
	return n
}

// dedupNames drops empty names and later case-insensitive duplicates
// (white space collapsed), then orders names by kind, keeping the order
// within a kind, so the display stays first.
func dedupNames(names []Name) []Name {
	if len(names) == 0 {
		return names
	}
	seen := make(map[string]struct{}, len(names))
	out := names[:0]
	for _, n := range names {
		n.Text = collapseSpace(n.Text)
		if n.Text == "" {
			continue
		}
		k := strings.ToLower(n.Text)
		if _, dup := seen[k]; dup {
			continue
		}
		seen[k] = struct{}{}
		out = append(out, n)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out
}
