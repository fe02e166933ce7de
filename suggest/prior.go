package suggest

import (
	"cmp"
	"math"
	"slices"

	"medcode/corpus"
	"medcode/index"
)

// minPriorShare is the least share of training notes a code must appear
// in to be proposed on its prior alone.
const minPriorShare = 0.1

// frequentCodes are the ICD-10-CM codes whose prior share of training
// notes is at least minPriorShare, most frequent first (ties by code),
// resolved to suggestable targets; priors are the engine's, parsed from
// the model.
func frequentCodes(rv *resolver, priors map[priorKey]float64) []target {
	type fc struct {
		code  string
		prior float64
	}
	var fs []fc
	minLogit := logit(minPriorShare)
	for k, p := range priors {
		if k.system == corpus.ICD10CM && !k.category && p >= minLogit {
			fs = append(fs, fc{k.code, p})
		}
	}
	slices.SortFunc(fs, func(a, b fc) int {
		if c := cmp.Compare(b.prior, a.prior); c != 0 {
			return c
		}
		return cmp.Compare(a.code, b.code)
	})
	var out []target
	for _, f := range fs {
		if t := rv.resolve(index.CodeRef{System: corpus.ICD10CM, Code: f.code}); !t.invalid && t.code != 0 && t.from == 0 {
			out = append(out, t)
		}
	}
	return out
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// priorCandidates proposes the frequent codes no mention found: codes
// training notes carry so often (an unspecified illness, pain, fever)
// that coders assign them without naming words the index could match.
// They have no mentions; the ranker sees their priors and co-occurrences.
// A code the note mentions only negated, for a relative, or hypothetically
// (rejected by the assertion rules) is not proposed again on its prior; one
// rejected as an uncertain outpatient diagnosis may be, as the guideline
// codes the documented symptoms instead.
func (e *Engine) priorCandidates(w *work, live []*candidate, req Request) []*candidate {
	if len(e.frequent) == 0 || len(req.Systems) > 0 && !contains(req.Systems, corpus.ICD10CM) {
		return live
	}
	for _, t := range e.frequent {
		k := t.anyCode()
		found := w.denied[k]
		for _, c := range live {
			if c.tgt.anyCode() == k {
				found = true
				break
			}
		}
		if !found {
			c := w.candidate()
			*c = candidate{key: e.set.Brief(k).Code, tgt: t, prior: true}
			live = append(live, c)
		}
	}
	return live
}
