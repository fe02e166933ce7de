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
	code    *corpus.Code // billable code suggested (for stems: nil until completed)
	stem    *corpus.Code // seventh-character stem, when the code needs one
	from    *corpus.Code // the indexed code, when resolution moved away from it
	edit    *Edit        // the detail the coder must add
	invalid bool         // no FY2026 billable code reachable
}

// resolve maps an indexed code onto what can be suggested.
func resolve(set *corpus.Set, ref index.CodeRef) target {
	c, ok := set.Lookup(ref.System, ref.Code)
	if !ok {
		return target{invalid: true}
	}
	if c.System == corpus.ICD10CM && needsSeventh(set, c) {
		return target{stem: c}
	}
	if c.Billable {
		return target{code: c}
	}
	// A header: walk down to the default ("unspecified") billable child.
	d := c
	for !d.Billable {
		next := defaultChild(set, d)
		if next == nil {
			if d == c {
				// No natural default: suggest the header, asking for the detail.
				return target{code: c, edit: &Edit{Kind: "specificity", Message: fmt.Sprintf("%s is a category, not billable: document the detail that selects one of its %d codes", c.Code, len(c.Children))}}
			}
			return target{invalid: true}
		}
		if needsSeventh(set, next) {
			return target{stem: next, from: c, edit: specificityEdit(c, next)}
		}
		d = next
	}
	return target{code: d, from: c, edit: specificityEdit(c, d)}
}

// needsSeventh reports whether a code is a stem whose billable children
// carry a seventh character.
func needsSeventh(set *corpus.Set, c *corpus.Code) bool {
	if c.Billable || len(c.Children) == 0 {
		return false
	}
	for _, k := range c.Children {
		if kc, ok := set.Lookup(c.System, k); ok && index.SeventhCharacterCode(kc) {
			return true
		}
	}
	return false
}

// defaultChild picks the child a coder takes when the note gives no detail:
// "without complications" (or "without" a named complication), the
// unspecified one ending in 9, accidental intent for poisonings (the
// guideline's default), any one ending in 9 (the "other" catch-all), an
// unspecified one. It returns nil when no child is a natural default
// (Z68 body mass index: the value must be documented).
func defaultChild(set *corpus.Set, c *corpus.Code) *corpus.Code {
	var best *corpus.Code
	bestRank := 0
	for _, k := range c.Children {
		kc, ok := set.Lookup(c.System, k)
		if !ok {
			continue
		}
		d := strings.ToLower(kc.Display)
		unspec := strings.Contains(d, "unspecified") && !strings.Contains(d, "with unspecified")
		rank := 0
		switch {
		case strings.Contains(d, "without complication"):
			rank = 6
		case unspec && strings.HasSuffix(kc.Code, "9"):
			rank = 5
		case strings.Contains(d, "accidental (unintentional)"):
			rank = 4
		case strings.Contains(d, " without "):
			rank = 3
		case strings.HasSuffix(kc.Code, "9"):
			rank = 2
		case unspec:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = kc, rank
		}
	}
	return best
}

func specificityEdit(from, to *corpus.Code) *Edit {
	msg := fmt.Sprintf("%s is a category, not billable; %s assumed: document more detail for a more specific code", from.Code, to.Code)
	kind := "specificity"
	if strings.Contains(strings.ToLower(to.Display), "unspecified side") ||
		strings.Contains(strings.ToLower(to.Display), "unspecified laterality") {
		kind, msg = "laterality", fmt.Sprintf("laterality not documented: %s assumed (%s)", to.Code, from.Code)
	}
	return &Edit{Kind: kind, Message: msg}
}

// completeSeventh builds the billable code from a stem and the encounter
// documented in the note ("" = not documented).
func completeSeventh(set *corpus.Set, stem *corpus.Code, encounter string) (*corpus.Code, *Edit) {
	want := map[string]string{"initial": "initial encounter", "subsequent": "subsequent encounter", "sequela": "sequela"}[encounter]
	char := ""
	for _, x := range stem.SevenChr {
		if want != "" && strings.HasPrefix(strings.ToLower(x.Text), want) {
			char = x.Char
			break
		}
	}
	var edit *Edit
	if char == "" {
		char = "A"
		if want == "" {
			edit = &Edit{Kind: "seventh_character", Message: "encounter not documented: initial encounter (7th character A) assumed"}
		}
	}
	base := strings.ReplaceAll(stem.Code, ".", "")
	for len(base) < 6 {
		base += "X"
	}
	if c, ok := set.Lookup(stem.System, base+char); ok {
		return c, edit
	}
	// Fall back to the first seventh-character child that exists.
	for _, k := range stem.Children {
		if kc, ok := set.Lookup(stem.System, k); ok && kc.Billable {
			return kc, &Edit{Kind: "seventh_character", Message: fmt.Sprintf("7th character %s not valid for %s; %s assumed", char, stem.Code, kc.Code)}
		}
	}
	return nil, nil
}
