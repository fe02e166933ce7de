// Package eval measures a suggest.Suggester on labelled notes (cases) and
// holds the fitting math that training uses.
//
// # Cases
//
// ReadCases and OpenCases read JSONL cases, gzip'd or not:
// {"id","text","codes":[{"system","code"}]}. Gold codes are normalised
// (corpus.NormalizeCode) and de-duplicated; ICD-10-PCS codes are kept in
// Case.Other and never scored. An optional "topic" (Case.Topic) names what
// a case tests; reports break the ranking metrics down by it.
//
// testdata/suites holds hand-written suites in this format: US-style
// diagnostic statements (statements.jsonl) and CCMC-style radiology reports
// (radiology.jsonl), each case with a topic; a test checks that every gold
// code is billable in the FY2026 or FY2027 order file. scripts/suites.sh
// scores them beside CodiEsp dev.
//
// # Metrics
//
// Run codes every case and scores its ranked list: the engine's suggestions
// in the scored systems, in engine order, keeping only the first (best
// ranked) occurrence of each code. G is a case's gold set (each code once),
// rel(k) is 1 when the k-th prediction is in G, and t is the decision
// threshold on confidence (a prediction is "made" when confidence ≥ t).
//
//	AP     = (1/|G|) Σ_k P@k · rel(k)                 (CodiEsp-D)
//	MAP    = mean AP over cases with |G| > 0
//	RR     = 1 / rank of the first relevant prediction (0 if none); MRR = mean RR
//	P@k    = (relevant in the top k) / k               k = 1, 5, 10, 15, 20
//	R@k    = (relevant in the top k) / |G|             (both averaged over cases with |G| > 0)
//	tp     = made predictions in G; fp = made predictions not in G; fn = |G| − tp
//	micro  P = Σtp / (Σtp + Σfp), R = Σtp / (Σtp + Σfn), F1 = 2PR / (P + R)
//	rank-1 = over scored cases with |G| = 1, the fraction whose first
//	       prediction is the gold code
//	P at threshold = micro P: the precision of the suggestions made
//	macro  the mean over codes (every code gold or made in any case) of each
//	       code's own P, R and F1 (0 when undefined)
//
// Cases without gold codes in the scored systems add their false positives
// to the micro counts but are left out of MAP, MRR, P@k and R@k.
//
// Two relaxed match levels repeat MAP, MRR and micro P/R/F1 after mapping
// the predictions (and, for category, the gold codes), then de-duplicating
// again by first rank:
//
//	parent    a prediction becomes the most specific gold code that equals
//	          it or is its prefix (gold R51, predicted R51.9; gold W19.XXX,
//	          predicted W19.XXXA) — the data set's 2018 headers and codes
//	          lacking a 7th character
//	category  predictions and gold become their 3-character ICD-10-CM
//	          category (S22.41XA and S22.49XA both S22); other systems unchanged
//
// Per chapter (ICD-10-CM chapters by category range, other systems whole):
// P = tp / made, R = tp / gold, F1, with a gold code counted in its
// chapter and a made prediction in its own.
//
// Calibration pairs every ranked prediction's confidence p with y = 1 when
// it is in G (exact), else 0:
//
//	ECE   = Σ_b (n_b/N) · |mean p_b − mean y_b|     10 equal-width bins over [0,1]
//	Brier = (1/N) Σ (p − y)²
//
// ECE is computed again over the made predictions alone (confidence ≥ t),
// which does not depend on how long the ranked lists are. A report carries
// a reliability table (per bin: count, mean confidence, fraction
// correct) and a 20-bin confidence histogram.
//
// The threshold sweep reports micro P/R/F1 at t = 0.05, 0.10, …, 0.95.
// Latency is the wall time of each Suggest call; p50/p95/p99 are
// nearest-rank percentiles in milliseconds.
//
// Confidence intervals are 95% percentile bootstraps: resample the cases
// with replacement (Options.Bootstrap times, default 1000, seeded by
// Options.Seed so reruns agree) and recompute MAP and micro-F1.
//
// Compare pairs two reports' cases by id and tests B − A for MAP and
// micro-F1 with a paired bootstrap (see CompareWith).
//
// # Fitting
//
// FitGBDT (gradient-boosted trees for the logistic loss, the default
// re-ranker), FitLogistic (L2-regularised logistic regression by Newton's
// method on standardised features), FitIsotonic (pool-adjacent-violators,
// applied with suggest.Calibrate's piecewise-linear interpolation), ECE,
// Brier and Reliability are the math of training: deterministic, and never
// panicking on bad input. Train cross-fits: phrases, priors, category codes
// and co-occurrences mined (Mine) from the other folds give each fold's
// features, so the re-ranker learns from features as they are at run time.
// With TrainOptions.Ceiling, Train also fits the model's Ceiling: boosted
// trees on the same rows with suggest.CorpusFeatures at 0, isotonic-
// calibrated on their out-of-fold predictions, and an isotonic calibration
// of the lesser of the two calibrated confidences; the decision threshold
// is chosen on that, as the engine computes it.
//
// FitGBDTWeighted and FitIsotonicWeighted weigh rows (a row of weight 2
// fits as the row twice). Train mixes notes written from the code sets
// (SyntheticCases, TrainOptions.Synthetic) into the re-ranker's, the
// calibration's and the threshold's rows, never into the mined phrases and
// priors, each row weighed TrainOptions.SyntheticWeight against a labelled
// note's. A synthetic note states 2-6 codes of different chapters (titles,
// inclusion terms, index paths naming one code; sentences or a numbered
// assessment list) beside distractors that are not gold: a disease code's
// name negated ("Denies ..."), said of a family member or as resolved
// history; the family and personal history codes (Z80-Z87) such a mention
// may earn are left out of the rows rather than labelled wrong.
//
// # Reports
//
// WriteReport writes report.json, report.md, report.html (self-contained,
// SVG plots inline), the SVG plots (gonum.org/v1/plot) and one Markdown file
// per case listing hits, misses and false positives with their evidence and
// explanation. No file carries a timestamp. Note text is kept out of the
// JSON; the per-case files quote evidence spans and are for analysts.
//
// # Round-trip suite
//
// RoundTrip generates cases from the code set itself: for every billable
// ICD-10-CM code (or a seeded sample) "Assessment: <long title>." with the
// code as gold, and optionally each Alphabetic Index path named on the code
// rephrased in note order by NoteOrder ("Diabetes, diabetic, type 2, with,
// chronic kidney disease" -> "type 2 diabetes with chronic kidney
// disease"); a path several billable codes share is left out.
// RoundTripScores tallies rank-1 (the gold code first) per part and
// chapter; `medcode eval roundtrip` writes the suite (WriteCases) and
// scores it.
package eval
