package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
)

// slotMark is what openSlot looks for in a title, lower-cased.
const slotMark = ", unspecified whether "

// openSlot splits a title naming a slot its code leaves open ("Chronic
// respiratory failure, unspecified whether with hypoxia or hypercapnia")
// into the rest of the title and the slot's values ("with hypoxia", "with
// hypercapnia"); ok is false for other titles.
func openSlot(title string) (rest string, values []string, ok bool) {
	if !containsLower(title, slotMark) { // most titles: no lower-cased copy
		return "", nil, false
	}
	i := strings.Index(strings.ToLower(title), slotMark)
	if i < 0 {
		return "", nil, false
	}
	rest, slot := title[:i], strings.ToLower(title[i+len(slotMark):])
	// A leading "with" qualifies every value: "with hypoxia or
	// hypercapnia".
	lead := ""
	if strings.HasPrefix(slot, "with ") {
		lead = "with "
	}
	for v := range strings.SplitSeq(slot, " or ") {
		if v = strings.TrimSpace(v); v != "" {
			if !strings.HasPrefix(v, lead) {
				v = lead + v
			}
			values = append(values, v)
		}
	}
	return rest, values, len(values) > 1
}

// documentedSlot drops a suggested code whose title leaves a slot open
// when a code of its category naming one of the slot's values beside the
// rest of its title is suggested too ("hypoxic and hypercapnic"
// respiratory failure documents J96.21 and J96.22: J96.20, unspecified
// whether with hypoxia or hypercapnia, says less than either).
func (e *Engine) documentedSlot(res *Result, rej []Rejection) []Rejection {
	for i := 0; i < len(res.Suggestions); i++ {
		p := &res.Suggestions[i] // read in place: copied only when its title leaves a slot open
		if p.System != string(corpus.ICD10CM) {
			continue
		}
		rest, values, ok := openSlot(p.Display)
		if !ok {
			continue
		}
		s := *p // drop and insert move the list
		for j, o := range res.Suggestions {
			if o.System != s.System || o.Code == s.Code || category(o.Code) != category(s.Code) {
				continue
			}
			if !fills(strings.ToLower(o.Display), strings.ToLower(rest), values) {
				continue
			}
			rej = append(rej, drop(res, i, "less_specific", "the note documents "+o.Code+" ("+o.Display+"), which names the value this code leaves open"))
			if s.Confidence > o.Confidence {
				// The code naming the value documents all the dropped one
				// did: it is at least as sure.
				if j > i {
					j--
				}
				res.Suggestions = slices.Delete(res.Suggestions, j, j+1)
				o.Confidence, o.Score = s.Confidence, max(o.Score, s.Score)
				insert(res, o)
			}
			i = -1 // the order changed: look again from the top
			break
		}
	}
	return rej
}

// fills reports whether title is rest followed by one of values ("chronic
// respiratory failure with hypoxia").
func fills(title, rest string, values []string) bool {
	after, ok := strings.CutPrefix(title, rest)
	if !ok {
		return false
	}
	after = strings.TrimSpace(strings.TrimPrefix(after, ","))
	for _, v := range values {
		if after == v {
			return true
		}
	}
	return false
}
