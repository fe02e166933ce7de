package eval

import (
	"math"
	"sort"
	"strings"

	"medcode/corpus"
)

// ks are the cut-offs of P@k and R@k.
var ks = [...]int{1, 5, 10, 15, 20}

// ranked is a de-duplicated ranked list of keys with the confidence of each
// key's first (best-ranked) occurrence.
type ranked struct {
	keys []string
	conf []float64
}

// dedupe keeps the first occurrence of each key.
func dedupe(keys []string, conf []float64) ranked {
	seen := make(map[string]bool, len(keys))
	var r ranked
	for i, k := range keys {
		if seen[k] {
			continue
		}
		seen[k] = true
		r.keys = append(r.keys, k)
		r.conf = append(r.conf, conf[i])
	}
	return r
}

// caseScore is one case's metrics at one match level.
type caseScore struct {
	gold       int
	ap, rr     float64
	hitsAt     [len(ks)]int
	tp, fp, fn int
}

// score computes a case's ranking and thresholded metrics for a ranked list
// against a gold set (both de-duplicated):
//
//	AP  = (1/|G|) Σ_k P@k · rel(k)
//	RR  = 1 / rank of the first relevant prediction (0 if none)
//	tp  = |{p ∈ G : conf(p) ≥ t}|, fp = |{p ∉ G : conf(p) ≥ t}|, fn = |G| − tp
func score(gold map[string]bool, r ranked, threshold float64) caseScore {
	s := caseScore{gold: len(gold)}
	hits := 0
	for i, k := range r.keys {
		rel := gold[k]
		if rel {
			hits++
			s.ap += float64(hits) / float64(i+1)
			if s.rr == 0 {
				s.rr = 1 / float64(i+1)
			}
		}
		for j, c := range ks {
			if i < c && rel {
				s.hitsAt[j]++
			}
		}
		if r.conf[i] >= threshold {
			if rel {
				s.tp++
			} else {
				s.fp++
			}
		}
	}
	if len(gold) > 0 {
		s.ap /= float64(len(gold))
	}
	s.fn = len(gold) - s.tp
	return s
}

// parentKey maps a predicted key onto the most specific gold key that equals
// it or is its prefix in the same system (gold "R51" for "R51.9"), or leaves
// it as is.
func parentKey(k string, gold []string) string {
	best := ""
	for _, g := range gold {
		if strings.HasPrefix(k, g) && len(g) > len(best) {
			best = g
		}
	}
	if best == "" {
		return k
	}
	return best
}

// categoryKey maps a key onto its 3-character ICD-10-CM category; keys of
// other systems are unchanged.
func categoryKey(k string) string {
	sys, code, _ := strings.Cut(k, "|")
	if corpus.System(sys) != corpus.ICD10CM || len(code) <= 3 {
		return k
	}
	return sys + "|" + code[:3]
}

// prf turns counts into precision, recall and F1 (0 when undefined).
func prf(tp, fp, fn int) PRF {
	r := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		r.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r.Recall = float64(tp) / float64(tp+fn)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// f1 is the F1 of the counts.
func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}

// percentile is the nearest-rank q-quantile (0<q≤1) of sorted values.
func percentile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	i = max(0, min(i, len(sorted)-1))
	return sorted[i]
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
