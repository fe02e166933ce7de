package eval

import (
	"math/rand/v2"
	"sort"
	"strings"

	"medcode/corpus"
)

// RoundTripOptions configure RoundTrip. The zero value gives every billable
// ICD-10-CM code's title case and no index-path cases.
type RoundTripOptions struct {
	// IndexPaths adds, for each sampled code, one case per Alphabetic
	// Index path named on the code itself, rephrased in note order.
	IndexPaths bool
	// Sample keeps N codes drawn at random (without replacement) from the
	// billable codes; 0 keeps them all.
	Sample int
	// Seed seeds the sample; the same seed draws the same codes.
	Seed uint64
}

// Round-trip case id prefixes: the part of the suite a case belongs to.
const (
	RoundTripTitle = "title"
	RoundTripIndex = "index"
)

// RoundTrip generates the round-trip suite from a code set: for every
// billable ICD-10-CM code (or a sample of them) the note
// "Assessment: <long title>." with the code as its only gold code (id
// "title:<code>"), and with IndexPaths its Alphabetic Index paths rephrased
// in note order (id "index:<code>:<n>"). A path text that several billable
// codes share is left out: it does not name one code. Cases come in code
// order.
func RoundTrip(set *corpus.Set, opts RoundTripOptions) []Case {
	var ids []corpus.ID
	for _, id := range set.IDs(corpus.ICD10CM) {
		if set.Brief(id).Billable {
			ids = append(ids, id)
		}
	}
	if opts.Sample > 0 && opts.Sample < len(ids) {
		r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		ids = ids[:opts.Sample]
		sort.Slice(ids, func(i, j int) bool { return set.Brief(ids[i]).Code < set.Brief(ids[j]).Code })
	}
	var owners map[string]int
	if opts.IndexPaths {
		// How many billable codes each rephrased path names.
		owners = pathOwners(set)
	}
	var out []Case
	for _, id := range ids {
		b := set.Brief(id)
		gold := []Gold{{System: corpus.ICD10CM, Code: b.Code}}
		out = append(out, Case{ID: RoundTripTitle + ":" + b.Code, Text: "Assessment: " + b.Display + ".", Gold: gold})
		if !opts.IndexPaths {
			continue
		}
		n := 0
		seen := map[string]bool{}
		for _, name := range set.Code(id).Names {
			if name.Kind != corpus.NameIndex {
				continue
			}
			p := NoteOrder(name.Text)
			lp := strings.ToLower(p)
			if p == "" || seen[lp] || owners[lp] != 1 {
				continue
			}
			seen[lp] = true
			n++
			out = append(out, Case{ID: RoundTripIndex + ":" + b.Code + ":" + itoa(n), Text: "Assessment: " + p + ".", Gold: gold})
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// connectors open the part of an index path that follows the main term in
// a note ("with", "due to"); the subterms before the first connector are
// modifiers that precede it.
var connectors = []string{
	"with", "without", "due to", "in", "of", "from", "by", "during", "following", "after",
	"complicating", "secondary to", "associated with", "affecting", "involving", "at", "on",
	"resulting from", "related to", "causing", "to", "for", "as", "not", "NEC",
}

// NoteOrder rephrases an Alphabetic Index path in the order a note states
// it: the modifiers before the first connector precede the main term, the
// innermost first, and the rest follows in path order ("Diabetes,
// diabetic, type 2, with, chronic kidney disease" -> "type 2 diabetes with
// chronic kidney disease"). A second part that only inflects the main term
// ("Diabetes, diabetic") is dropped, and so are "NEC" and "NOS". It
// returns "" for an empty path.
func NoteOrder(path string) string {
	var parts []string
	for _, p := range strings.Split(path, ", ") {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(p, " NEC"), " NOS"))
		if p != "" && p != "NEC" && p != "NOS" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	main := parts[0]
	rest := parts[1:]
	if len(rest) > 0 && inflects(main, rest[0]) {
		rest = rest[1:]
	}
	var pre, post []string
	for i, p := range rest {
		if connector(p) {
			post = rest[i:]
			break
		}
		pre = append(pre, p)
	}
	var words []string
	for i := len(pre) - 1; i >= 0; i-- {
		words = append(words, pre[i])
	}
	m := main
	if len(pre) > 0 {
		m = strings.ToLower(main[:1]) + main[1:]
	}
	words = append(words, m)
	words = append(words, post...)
	return strings.Join(words, " ")
}

// inflects reports whether b is another form of the single word a
// ("Diabetes", "diabetic").
func inflects(a, b string) bool {
	if strings.Contains(a, " ") || strings.Contains(b, " ") {
		return false
	}
	a, b = strings.ToLower(a), strings.ToLower(b)
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 || n >= 4 && n >= len(a)-2
}

// connector reports whether an index subterm starts with a connector word.
func connector(p string) bool {
	for _, c := range connectors {
		if p == c || strings.HasPrefix(p, c+" ") {
			return true
		}
	}
	return false
}

// RoundTripChapter is the rank-1 rate of one part ("title", "index") of the
// round-trip suite in one chapter.
type RoundTripChapter struct {
	Part    string  `json:"part"`
	Chapter string  `json:"chapter"`
	Title   string  `json:"title"`
	Cases   int     `json:"cases"`
	Rank1   int     `json:"rank1"`
	Rate    float64 `json:"rate"`
}

// RoundTripScores tallies a report on the round-trip suite: rank-1 per
// part and chapter, then per part over all chapters (Chapter "all"), in
// part and chapter order. A case is rank-1 when its gold code is the first
// prediction.
func RoundTripScores(r *Report, cases []Case) []RoundTripChapter {
	type key struct{ part, chapter string }
	tally := map[key]*RoundTripChapter{}
	get := func(part, chapter, title string) *RoundTripChapter {
		k := key{part, chapter}
		t := tally[k]
		if t == nil {
			t = &RoundTripChapter{Part: part, Chapter: chapter, Title: title}
			tally[k] = t
		}
		return t
	}
	for i, c := range cases {
		if i >= len(r.Results) || len(c.Gold) == 0 {
			continue
		}
		part, _, _ := strings.Cut(c.ID, ":")
		id, title := chapterOf(c.Gold[0].System, c.Gold[0].Code)
		hit := r.Results[i].RR == 1
		for _, t := range []*RoundTripChapter{get(part, id, title), get(part, "all", "All chapters")} {
			t.Cases++
			if hit {
				t.Rank1++
			}
		}
	}
	out := make([]RoundTripChapter, 0, len(tally))
	for _, t := range tally {
		t.Rate = float64(t.Rank1) / float64(t.Cases)
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Part != b.Part {
			return a.Part > b.Part // title before index
		}
		if (a.Chapter == "all") != (b.Chapter == "all") {
			return b.Chapter == "all"
		}
		if x, y := chapterOrder(a.Chapter), chapterOrder(b.Chapter); x != y {
			return x < y
		}
		return a.Chapter < b.Chapter
	})
	return out
}
