package eval

import (
	"math"
	"sort"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
	"medcode/suggest"
)

// MineOptions tune the mining of term-to-code associations. The zero value
// works.
type MineOptions struct {
	MaxN         int     // longest phrase in terms; 0 = 3
	MinCount     int     // cases in which phrase and code co-occur; 0 = 2
	MinPrecision float64 // P(code | phrase in case), smoothed; 0 = 0.35
	MinLift      float64 // precision / P(code); 0 = 4
	PerCode      int     // phrases kept per code; 0 = 8
	// CommonDF: a phrase whose every word is in more than this share of the
	// cases says nothing specific ("old woman with history"); 0 = 0.05.
	CommonDF float64
}

func (o MineOptions) withDefaults() MineOptions {
	if o.MaxN <= 0 {
		o.MaxN = 3
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	if o.MinPrecision <= 0 {
		o.MinPrecision = 0.35
	}
	if o.PerCode <= 0 {
		o.PerCode = 8
	}
	if o.MinLift <= 0 {
		o.MinLift = 4
	}
	if o.CommonDF <= 0 {
		o.CommonDF = 0.05
	}
	return o
}

// goldCode maps a gold code onto the code set: itself when valid, else its
// nearest existing ancestor (older editions), else "".
func goldCode(set *corpus.Set, g Gold) string {
	code := corpus.NormalizeCode(g.System, g.Code)
	for code != "" {
		if c, ok := set.Lookup(g.System, code); ok {
			return c.Code
		}
		code = strings.TrimSuffix(code[:len(code)-1], ".")
	}
	return ""
}

// Mined is what Mine learns.
type Mined struct {
	Learned []suggest.LearnedName
	// Priors are each code's log-odds of appearing in a case
	// ("ICD-10-CM|R52"), each category's ("ICD-10-CM|R52*": any code of
	// the category), and "default" for unseen ones.
	Priors map[string]float64
	// TermDF is the share of cases holding each stem, for stems in at
	// least 1% of cases.
	TermDF map[string]float64
	// CategoryTop are the (up to 3) ICD-10-CM codes seen in at least 2
	// cases of each category, most frequent first.
	CategoryTop map[string][]string
	// Cooc is the log lift of two codes coded together, for pairs seen in
	// at least 2 cases with lift above 1.
	Cooc []suggest.CodePair
}

// Mine learns phrases that indicate codes in labelled notes: for every
// phrase of 1..MaxN consecutive terms of a sentence and every gold code of
// the same case, precision = co-occurring cases / (cases with the phrase
// + 1) and lift = precision / P(code). Phrases with precision ≥
// MinPrecision, lift ≥ MinLift, seen with the code in MinCount cases or
// more and holding at least one uncommon word are kept, the PerCode best
// per code (by count × precision).
func Mine(pipe *nlp.Pipeline, set *corpus.Set, cases []Case, opts MineOptions) Mined {
	o := opts.withDefaults()
	df := map[string]int{}
	stemDF := map[string]int{}
	wordDF := map[string]int{}
	pair := map[[2]string]int{}
	codeN := map[string]int{}
	catN := map[string]int{} // "ICD-10-CM|R52*": cases with a code of the category
	pairN := map[[2]string]int{}
	for _, c := range cases {
		doc := pipe.Analyze(c.Text)
		grams := phrases(doc, o.MaxN)
		stems, words := map[string]bool{}, map[string]bool{}
		for _, t := range doc.Terms {
			stems[t.Stem] = true
			words[t.Norm] = true
		}
		for st := range stems {
			stemDF[st]++
		}
		for w := range words {
			wordDF[w]++
		}
		codes := map[string]bool{}
		for _, g := range c.Gold {
			if code := goldCode(set, g); code != "" {
				codes[string(g.System)+"|"+code] = true
			}
		}
		cats := map[string]bool{}
		for k := range codes {
			codeN[k]++
			sys, code, _ := strings.Cut(k, "|")
			if len(code) > 3 {
				code = code[:3]
			}
			cats[sys+"|"+code+"*"] = true
		}
		for k := range cats {
			catN[k]++
		}
		list := make([]string, 0, len(codes))
		for k := range codes {
			list = append(list, k)
		}
		sort.Strings(list)
		for i := range list {
			for j := i + 1; j < len(list); j++ {
				pairN[[2]string{list[i], list[j]}]++
			}
		}
		for g := range grams {
			df[g]++
			for k := range codes {
				pair[[2]string{g, k}]++
			}
		}
	}
	type cand struct {
		text  string
		n     int
		prec  float64
		score float64
	}
	N := float64(len(cases))
	common := func(phrase string) bool {
		for _, w := range strings.Fields(phrase) {
			if float64(wordDF[w])/N <= o.CommonDF {
				return false
			}
		}
		return true
	}
	byCode := map[string][]cand{}
	for p, n := range pair {
		if n < o.MinCount {
			continue
		}
		prec := float64(n) / float64(df[p[0]]+1)
		if prec < o.MinPrecision || prec/(float64(codeN[p[1]])/N) < o.MinLift || common(p[0]) {
			continue
		}
		byCode[p[1]] = append(byCode[p[1]], cand{text: p[0], n: n, prec: prec, score: float64(n) * prec})
	}
	keys := make([]string, 0, len(byCode))
	for k := range byCode {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []suggest.LearnedName
	g := suggest.NewGrounder(set, func(s string) []string {
		var st []string
		for _, t := range pipe.Terms(s) {
			if t.Stem != "" {
				st = append(st, t.Stem)
			}
		}
		return st
	})
	for _, k := range keys {
		cs := byCode[k]
		sys, code, _ := strings.Cut(k, "|")
		grounded := cs[:0]
		for _, c := range cs {
			if g.Grounded(corpus.System(sys), code, c.text) {
				grounded = append(grounded, c)
			}
		}
		cs = grounded
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].score != cs[j].score {
				return cs[i].score > cs[j].score
			}
			return cs[i].text < cs[j].text
		})
		if len(cs) > o.PerCode {
			cs = cs[:o.PerCode]
		}
		for _, c := range cs {
			out = append(out, suggest.LearnedName{System: sys, Code: code, Text: c.text, Weight: math.Round(c.prec*1000) / 1000})
		}
	}
	priors := map[string]float64{"default": math.Log(0.5 / (N + 0.5))}
	for _, counts := range []map[string]int{codeN, catN} {
		for k, n := range counts {
			priors[k] = math.Log((float64(n) + 0.5) / (N - float64(n) + 0.5))
		}
	}
	termDF := map[string]float64{}
	for st, n := range stemDF {
		if f := float64(n) / N; f >= 0.01 {
			termDF[st] = math.Round(f*1000) / 1000
		}
	}
	var cooc []suggest.CodePair
	for p, n := range pairN {
		if n < 2 {
			continue
		}
		lift := math.Log(float64(n) * N / float64(codeN[p[0]]*codeN[p[1]]))
		if lift <= 0 {
			continue
		}
		_, a, _ := strings.Cut(p[0], "|")
		_, b, _ := strings.Cut(p[1], "|")
		cooc = append(cooc, suggest.CodePair{A: a, B: b, Lift: math.Round(lift*1000) / 1000})
	}
	sort.Slice(cooc, func(i, j int) bool {
		if cooc[i].A != cooc[j].A {
			return cooc[i].A < cooc[j].A
		}
		return cooc[i].B < cooc[j].B
	})
	return Mined{Learned: out, Priors: priors, TermDF: termDF, CategoryTop: categoryTop(codeN), Cooc: cooc}
}

// phrases returns the distinct phrases (normalised words joined by a space)
// of 1..maxN consecutive surface terms within a sentence.
func phrases(doc *nlp.Document, maxN int) map[string]bool {
	out := map[string]bool{}
	var run []string
	sent := -1
	flush := func() {
		for i := range run {
			for n := 1; n <= maxN && i+n <= len(run); n++ {
				g := strings.Join(run[i:i+n], " ")
				if len(g) >= 3 && !numeric(g) {
					out[g] = true
				}
			}
		}
		run = run[:0]
	}
	for _, t := range doc.Terms {
		if t.Expanded {
			continue
		}
		if t.Sent != sent {
			flush()
			sent = t.Sent
		}
		run = append(run, t.Norm)
	}
	flush()
	return out
}

func numeric(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != ' ' && r != '.' {
			return false
		}
	}
	return true
}

// categoryTop ranks the ICD-10-CM codes of each category by cases.
func categoryTop(codeN map[string]int) map[string][]string {
	type cn struct {
		code string
		n    int
	}
	byCat := map[string][]cn{}
	for k, n := range codeN {
		sys, code, _ := strings.Cut(k, "|")
		if sys != string(corpus.ICD10CM) || n < 2 || len(code) < 3 {
			continue
		}
		byCat[code[:3]] = append(byCat[code[:3]], cn{code, n})
	}
	out := make(map[string][]string, len(byCat))
	for cat, cs := range byCat {
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].n != cs[j].n {
				return cs[i].n > cs[j].n
			}
			return cs[i].code < cs[j].code
		})
		for i := 0; i < len(cs) && i < 3; i++ {
			out[cat] = append(out[cat], cs[i].code)
		}
	}
	return out
}
