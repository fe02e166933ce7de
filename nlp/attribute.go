package nlp

// Attribute kinds and values.
const (
	AttrLaterality   = "laterality"
	AttrAcuity       = "acuity"
	AttrEncounter    = "encounter"
	AttrDiabetesType = "diabetes_type"
)

// diabetesWords mark a sentence as speaking of diabetes, so that "type 2"
// there is a diabetes type (and "type 2 MI" is not).
var diabetesWords = map[string]bool{"diabetes": true, "diabetic": true, "dm": true, "diabetics": true, "mellitus": true}

// attributeWords are the words of attributes' switch: a term of any
// other word states no attribute (senseAttribute).
var attributeWords = map[string]bool{
	"right": true, "left": true, "bilateral": true, "bilaterally": true, "acute": true, "acutely": true,
	"chronic": true, "chronically": true, "sequela": true, "sequelae": true, "initial": true, "subsequent": true,
	"late": true, "type": true, "iddm": true, "juvenile": true, "niddm": true,
}

// attributes derives laterality, acuity, encounter and diabetes type from
// the term stream, so abbreviations count ("RLE" is right, "T2DM" is type 2)
// and spans stay on the original text. Its words are the cases of one
// switch (attributeWords); it reads only the terms ks, in order, those
// of such words that makeTerms listed (termIndex.attr), not every term.
func attributes(d *Document, out []Attribute, ks []int32) []Attribute {
	out = out[:0]
	terms := d.Terms
	add := func(kind, value string, sp Span, sent int) {
		for k := len(out) - 1; k >= 0 && k >= len(out)-4; k-- {
			if out[k].Kind == kind && out[k].Value == value && out[k].Span == sp {
				return
			}
		}
		out = append(out, Attribute{Kind: kind, Value: value, Span: sp, Sent: sent})
	}
	norm := func(k int) string {
		if k < 0 || k >= len(terms) {
			return ""
		}
		return terms[k].Norm
	}
	for _, k32 := range ks {
		k := int(k32)
		t := &terms[k] // not a copy of the term
		sp := Span{t.Start, t.End}
		switch t.Norm {
		case "right":
			add(AttrLaterality, "right", sp, t.Sent)
		case "left":
			add(AttrLaterality, "left", sp, t.Sent)
		case "bilateral", "bilaterally":
			add(AttrLaterality, "bilateral", sp, t.Sent)
		case "acute", "acutely":
			add(AttrAcuity, "acute", sp, t.Sent)
		case "chronic", "chronically":
			add(AttrAcuity, "chronic", sp, t.Sent)
		case "sequela", "sequelae":
			add(AttrEncounter, "sequela", sp, t.Sent)
		case "initial", "subsequent":
			nx := norm(k + 1)
			if nx == "encounter" || nx == "visit" || nx == "encounters" {
				add(AttrEncounter, t.Norm, Span{t.Start, terms[k+1].End}, t.Sent)
			}
		case "late":
			if norm(k+1) == "effect" || norm(k+1) == "effects" {
				add(AttrEncounter, "sequela", Span{t.Start, terms[k+1].End}, t.Sent)
			}
		case "type":
			v := ""
			switch norm(k + 1) {
			case "1", "i", "one":
				v = "1"
			case "2", "ii", "two":
				v = "2"
			}
			if v != "" && nearDiabetes(terms, k) {
				add(AttrDiabetesType, v, Span{min(t.Start, terms[k+1].Start), max(t.End, terms[k+1].End)}, t.Sent)
			}
		case "iddm", "juvenile":
			if t.Norm == "iddm" || norm(k+1) == "diabetes" {
				add(AttrDiabetesType, "1", sp, t.Sent)
			}
		case "niddm":
			add(AttrDiabetesType, "2", sp, t.Sent)
		}
	}
	return out
}

// nearDiabetes reports whether a diabetes word is within four terms of k in
// the same sentence.
func nearDiabetes(terms []Term, k int) bool {
	for j := max(0, k-4); j < min(len(terms), k+6); j++ {
		if terms[j].Sent == terms[k].Sent && diabetesWords[terms[j].Norm] {
			return true
		}
	}
	return false
}
