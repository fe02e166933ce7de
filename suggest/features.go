package suggest

import "math"

// FeatureNames are the ranker's features, in Suggestion.Features order.
// A trained Model names the features it was fitted on; the engine refuses
// a model whose names differ.
func FeatureNames() []string {
	return []string{
		"score",         // best mention's retrieval score
		"coverage",      // share of the best name matched (weighted)
		"cosine",        // TF-IDF cosine of the best name against its window
		"order",         // name terms in note order
		"logMass",       // log(1 + matched information)
		"matchedTerms",  // matched terms of the best name
		"logMentions",   // log(1 + sentences mentioning the code)
		"dominated",     // share of mentions inside a longer, fully matched name
		"kindTitle",     // best name is the official title or a synonym
		"kindIndex",     // best name is an index path or inclusion term
		"learnedScore",  // best learned-name score (0 when none)
		"learnedWeight", // precision of that learned name in training
		"header",        // resolved from a non-billable header
		"seventh",       // completed with a seventh character
		"dxSection",     // best mention in an assessment/diagnosis section
		"historical",    // mentions are historical
		"uncertain",     // mentions are uncertain (kept inpatient)
		"expanded",      // matched through an abbreviation expansion
		"prior",         // log-odds of the code in training notes
		"firstPos",      // position of the first mention (0 = start of note)
		"procedure",     // CPT or HCPCS
		"singleTerm",    // best name has one matched term
		"common",        // share of training notes holding the best name's rarest matched word
		"spanTop",       // no overlapping candidate in its sentence scores higher
		"spanRank",      // log(1 + overlapping candidates scoring higher)
		"margin",        // score minus the best overlapping competitor's
		"singleCommon",  // singleTerm × common: one ordinary word matched
		"scorePrior",    // score × prior
		"learnedOnly",   // only learned names found it
		"coverage2",     // coverage²
		"catPrior",      // log-odds of the code's 3-character category in training notes
		"letter",        // first character of the code as a number (chapter-like)
		"unspecified",   // the display says "unspecified"
		"codeLength",    // characters of the code (specificity)
		"sibling",       // added as the category's usual code, on another code's evidence
		"catCount",      // log(1 + candidates of the same category in the note)
		"earlySentence", // mentioned in the note's first two sentences
		"partNegated",   // share of the best name's words negated while the rest is not
		"cooc",          // best log lift with a code the note states plainly (training co-occurrence)
	}
}

// featureCount is len(FeatureNames()).
const featureCount = 39

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// untrainedLogit scores a candidate without a model: retrieval score,
// discounted when dominated, with a little credit for repeated mentions.
func untrainedLogit(f []float64) float64 {
	s := f[0] * (1 - 0.4*f[7]) * (1 + 0.08*f[6]) * (1 - f[37])
	if f[15] > 0 {
		s *= 0.8
	}
	return 7 * (s - 0.62)
}

// interpolate evaluates the piecewise-linear calibration through (xs, ys).
func interpolate(xs, ys []float64, p float64) float64 {
	n := len(xs)
	if n == 0 || n != len(ys) {
		return p
	}
	if p <= xs[0] {
		return ys[0]
	}
	if p >= xs[n-1] {
		return ys[n-1]
	}
	lo, hi := 0, n-1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if xs[mid] <= p {
			lo = mid
		} else {
			hi = mid
		}
	}
	if xs[hi] == xs[lo] {
		return ys[lo]
	}
	t := (p - xs[lo]) / (xs[hi] - xs[lo])
	return ys[lo] + t*(ys[hi]-ys[lo])
}
