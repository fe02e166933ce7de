package suggest

import (
	"fmt"
	"strings"

	"medcode/corpus"
	"medcode/index"
)

// target is where a hit on an indexed code lands: a billable code, or a
// seventh-character stem completed per note.
type target struct {
	code    corpus.ID // billable code suggested (for stems: 0 until completed)
	stem    corpus.ID // seventh-character stem, when the code needs one
	from    corpus.ID // the indexed code, when resolution moved away from it
	edit    int32     // the detail the coder must add, in resolver.edits; 0: none
	invalid bool      // no FY2026 billable code reachable
}

// resolver resolves indexed codes while an Engine is built, keeping the
// edits of all targets in one table so that targets hold no pointers.
type resolver struct {
	set   *corpus.Set
	edits []Edit // edits[0] is unused: 0 means no edit
}

func newResolver(set *corpus.Set) *resolver { return &resolver{set: set, edits: make([]Edit, 1)} }

// edit files ed and returns its number.
func (rv *resolver) edit(ed *Edit) int32 {
	rv.edits = append(rv.edits, *ed)
	return int32(len(rv.edits) - 1)
}

// resolve maps an indexed code onto what can be suggested.
func (rv *resolver) resolve(ref index.CodeRef) target {
	set := rv.set
	c, ok := set.ID(ref.System, ref.Code)
	if !ok {
		// Not in this release: its names belong to the nearest ancestor
		// the release holds (release.go).
		if c = ancestorIn(set, ref); c == 0 {
			return target{invalid: true}
		}
	}
	if set.Brief(c).System == corpus.ICD10CM && needsSeventh(set, c) {
		return target{stem: c}
	}
	if set.Brief(c).Billable {
		return target{code: c}
	}
	// A header: walk down to the default ("unspecified") billable child.
	d := c
	for !set.Brief(d).Billable {
		next := defaultChild(set, d)
		if next == 0 {
			if d == c {
				// No natural default: suggest the header, asking for the detail.
				return target{code: c, edit: rv.edit(&Edit{Kind: "specificity", Message: fmt.Sprintf("%s is a category, not billable: document the detail that selects one of its %d codes", set.CodeString(c), len(set.Code(c).Children))})}
			}
			return target{invalid: true}
		}
		if needsSeventh(set, next) {
			return target{stem: next, from: c, edit: rv.edit(specificityEdit(set.Brief(c), set.Brief(next)))}
		}
		d = next
	}
	return target{code: d, from: c, edit: rv.edit(specificityEdit(set.Brief(c), set.Brief(d)))}
}

// needsSeventh reports whether a code is a stem whose billable children
// carry a seventh character.
func needsSeventh(set *corpus.Set, c corpus.ID) bool {
	if set.Brief(c).Billable {
		return false
	}
	for _, k := range set.Children(c) {
		if index.SeventhCharacter(set.Brief(k), set.SevenChr(k)) {
			return true
		}
	}
	return false
}

// defaultChild picks the child a coder takes when the note gives no detail:
// the one the Tabular files "<parent> NOS" under, "without complications"
// or "uncomplicated" (or "without" a named complication), the
// unspecified one ending in 9, any other unspecified one (Q21.10: the
// note's silence is "unspecified", not "other specified"), accidental
// intent for poisonings (the guideline's default), one "without" a named
// detail and with nothing (when its siblings differ by it), any one ending
// in 9 (the "other" catch-all). It returns 0 when no child is a natural
// default (Z68 body mass index: the value must be documented).
func defaultChild(set *corpus.Set, c corpus.ID) corpus.ID {
	kids := set.Children(c)
	lower := make([]string, len(kids)) // each child's title, lower-cased once
	// "Without" names the default only where siblings differ by it: when
	// every child says "without" (I26.9x "... without acute cor
	// pulmonale"), the catch-all decides.
	allWithout := true
	for i, k := range kids {
		lower[i] = strings.ToLower(set.Brief(k).Display)
		allWithout = allWithout && strings.Contains(lower[i], " without ")
	}
	var best corpus.ID
	bestRank := 0
	parent := set.Brief(c).Display
	lowerParent := strings.ToLower(parent)
	var parentWords map[string]bool // built on first need (namesParentNOS)
	for i, k := range kids {
		kc := set.Brief(k)
		d := lower[i]
		// Unspecified in the words the child adds to its parent's title
		// (C81.9 "Hodgkin lymphoma, unspecified": C81.90 "..., unspecified
		// site", not C81.99 "..., extranodal and solid organ sites"; J45.9
		// "Other and unspecified asthma": J45.90 "Unspecified asthma").
		added, _ := strings.CutPrefix(d, lowerParent)
		unspec := strings.Contains(added, "unspecified") && !strings.Contains(d, "with unspecified")
		rank := 0
		switch {
		case strings.EqualFold(kc.Display, parent):
			rank = 9 // a placeholder level (S06.9X under S06.9): the only way down
		case namesParentNOS(set.Code(k), lowerParent, &parentWords):
			rank = 8 // C92.00 holds "Acute myeloblastic leukemia NOS": the Tabular files the bare C92.0 there
		case strings.Contains(d, "without complication"), strings.HasSuffix(d, ", uncomplicated"):
			rank = 7
		case unspec && strings.HasSuffix(kc.Code, "9"):
			rank = 6
		case unspec && !strings.HasPrefix(d, "other"):
			rank = 5 // "Atrial septal defect, unspecified" (Q21.10), not "Other specified ..." (Q21.19)
		case strings.Contains(d, "accidental (unintentional)"):
			rank = 4
		case !allWithout && strings.Contains(d, " without ") && !strings.Contains(d, " with "):
			rank = 3 // K42.9 "... without obstruction or gangrene", not K42.0 "... with obstruction, without gangrene"
		case unspec:
			rank = 2
		case strings.HasSuffix(kc.Code, "9"):
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = k, rank
		}
	}
	return best
}

// namesParentNOS reports whether one of k's inclusion terms is its
// parent's title (or words of it) followed by "NOS": the Tabular's own
// statement that the parent's condition, with no more said, is coded k
// ("Acute myeloblastic leukemia NOS" under C92.00, not having achieved
// remission). parent is the parent's title lower-cased; *words, when nil,
// is set to its words on the first inclusion term that needs them, so
// that one parent's words serve all its children.
func namesParentNOS(k *corpus.Code, parent string, words *map[string]bool) bool {
	if k == nil {
		return false
	}
	for _, n := range k.Names {
		if n.Kind != corpus.NameInclusion {
			continue
		}
		t, ok := strings.CutSuffix(n.Text, " NOS")
		if !ok {
			continue
		}
		if *words == nil {
			*words = map[string]bool{}
			for _, w := range strings.FieldsFunc(parent, notWordRune) {
				(*words)[w] = true
			}
		}
		ws := strings.FieldsFunc(strings.ToLower(t), notWordRune)
		all := len(ws) > 0
		for _, w := range ws {
			all = all && (*words)[w]
		}
		if all {
			return true
		}
	}
	return false
}

func notWordRune(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }

func specificityEdit(from, to corpus.Brief) *Edit {
	msg := fmt.Sprintf("%s is a category, not billable; %s assumed: document more detail for a more specific code", from.Code, to.Code)
	kind := "specificity"
	if strings.Contains(strings.ToLower(to.Display), "unspecified side") ||
		strings.Contains(strings.ToLower(to.Display), "unspecified laterality") {
		kind, msg = "laterality", fmt.Sprintf("laterality not documented: %s assumed (%s)", to.Code, from.Code)
	}
	return &Edit{Kind: kind, Message: msg}
}

// completeSeventh builds the billable code from a stem and a seventh
// character; char "" means the note did not document one, and the table's
// default is taken with an edit asking for it.
func completeSeventh(set *corpus.Set, stem corpus.ID, char string) (corpus.ID, *Edit) {
	var edit *Edit
	if char == "" {
		char = defaultSeventh(set.SevenChr(stem))
		edit = &Edit{Kind: "seventh_character", Message: fmt.Sprintf("encounter not documented: %s (7th character %s) assumed", seventhMeaning(set.SevenChr(stem), char), char)}
	}
	sb := set.Brief(stem)
	base := strings.ReplaceAll(sb.Code, ".", "")
	for len(base) < 6 {
		base += "X"
	}
	if c, ok := set.ID(sb.System, base+char); ok {
		return c, edit
	}
	// Fall back to the first seventh-character child that exists.
	for _, k := range set.Children(stem) {
		if kc := set.Brief(k); kc.Billable {
			return k, &Edit{Kind: "seventh_character", Message: fmt.Sprintf("7th character %s not valid for %s; %s assumed", char, sb.Code, kc.Code)}
		}
	}
	return 0, nil
}

// defaultSeventh is the character a coder takes when the note is silent:
// A (initial encounter) where the table has it, else the table's
// unspecified row ("9", unspecified eye), else its first ("0", not
// applicable or unspecified, for the fetus tables).
func defaultSeventh(ext []corpus.Extension) string {
	for _, x := range ext {
		if x.Char == "A" {
			return "A"
		}
	}
	// A table of sides defaults to its unspecified row: the note's
	// silence is never "right eye" (E11.329-).
	for _, x := range ext {
		if strings.Contains(x.Text, "nspecified") {
			return x.Char
		}
	}
	if len(ext) > 0 {
		return ext[0].Char
	}
	return "A"
}

// seventhMeaning is the table's text for char ("initial encounter" when
// the table is unknown).
func seventhMeaning(ext []corpus.Extension, char string) string {
	for _, x := range ext {
		if x.Char == char {
			return x.Text
		}
	}
	return "initial encounter"
}
