// Package suggest turns a clinical note into ranked, explained code
// suggestions.
//
// Pipeline (one request):
//  1. The note is analysed with the index's own nlp.Pipeline; every
//     sentence or list item (section headers left out) is searched in the
//     index, and in the side index of phrases learned from labelled notes
//     when a Model carries them (candidate.go).
//  2. Hits become mentions of a target: a billable code, a header resolved
//     to its default child with a specificity edit, or a seventh-character
//     stem completed from the documented encounter (resolve.go). A hit
//     inside a longer, fully matched name is "dominated"; a name partly
//     negated by the note is marked.
//  3. The model's usual codes of a category join on another code's evidence;
//     past and family conditions bring their history codes (Z85-Z87, Z92,
//     Z80-Z84) (compete.go, history.go).
//  4. Coding rules (rules.go): negated, hypothetical and family mentions are
//     rejected (family-history codes excepted); outpatient uncertain
//     diagnoses are rejected (procedures are not diagnoses); past conditions
//     keep an edit naming their history code.
//  5. Every candidate gets features (features.go) and a confidence: the
//     model's boosted trees or logistic weights, coder-feedback adjustment,
//     isotonic calibration (confidence.go); untrained, a fixed function of
//     the retrieval score.
//  6. Candidates landing on one code merge; a documented complication
//     rejects its category's "without complications" code; Excludes1 pairs
//     keep the higher ranked; the top MaxResults are rendered with evidence,
//     explanation tree and alternatives (render.go).
//  7. What coders add (coder.go), on the rendered suggestions: procedure
//     codes whose every mention is past or planned are rejected (em.go);
//     two conditions the Alphabetic Index links by "with" (diabetes and its
//     complications, hypertension with heart failure or CKD) get their
//     combination code, which absorbs its parts unless its "use additional
//     code" note asks for them (combination.go); long-term drug therapy,
//     artificial opening and aftercare Z codes from status.txt (status.go);
//     Z23, Z00, Z08/Z85, Z3A, Z37 (encounter.go) and the vaccine
//     administration codes beside Z23 (vaccine.go); the office or ED E/M
//     level from documented decision making or time and the preventive
//     visit code by age (em.go). Rule codes carry a fixed confidence
//     (ruleConfidence, or the decision threshold for secondary codes;
//     a combination code its least confident part's); a training request
//     (Request.Features) skips this step. Codes a rule knows but the loaded
//     CPT file lacks are reported in Result.Notices, never replaced by a
//     neighbour.
//
// Contract:
//   - Queries are analysed with the index's own nlp.Pipeline, never another.
//   - Every Evidence satisfies note[e.Start:e.End] == e.Text.
//   - Nothing outside the loaded code sets is suggested; a non-billable code
//     is suggested only with a specificity edit saying what to document.
//   - Output is deterministic with a total order: confidence desc, then
//     score desc, then system and code asc.
//   - An Engine is immutable and safe for concurrent use (its memo of
//     history-code lookups is guarded).
//   - Bad notes fail with the sentinel errors of errors.go (CheckNote).
package suggest
