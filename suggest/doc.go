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
//     Z80-Z84) (compete.go, history.go). No code joins on its training
//     prior alone: priors and learned phrases rank what the note says.
//  4. Coding rules (rules.go): negated, hypothetical and family mentions are
//     rejected (family-history codes excepted); outpatient uncertain
//     diagnoses are rejected (procedures are not diagnoses); past conditions
//     keep an edit naming their history code.
//  5. Every candidate gets features (features.go) and a confidence: the
//     model's boosted trees or logistic weights, coder-feedback adjustment,
//     isotonic calibration (confidence.go); untrained, a fixed function of
//     the retrieval score.
//  6. Candidates landing on one code merge; conflicts are resolved by what
//     the note documents, never by a prior (conflict.go): an unspecified
//     code gives way to a documented code of its category, or one the
//     Alphabetic Index reaches through its entry, whose matched name says
//     more; a symptom gives way to a documented diagnosis it is routinely
//     part of; a "without complications" code to a documented
//     complication; of an Excludes1 pair the better documented stays. A
//     code gives way only to a replacement that is itself suggested.
//     Request.Annotate keeps the redundancy annotation corpora label. The
//     top MaxResults are rendered with evidence, explanation tree and
//     alternatives (render.go).
//
// Contract:
//   - Queries are analysed with the index's own nlp.Pipeline, never another.
//   - Every Evidence satisfies note[e.Start:e.End] == e.Text.
//   - Every ICD-10-CM suggestion has evidence in the note; a learned
//     phrase shares a content word with a name of its code (grounded.go).
//   - Nothing outside the loaded code sets is suggested; a non-billable code
//     is suggested only with a specificity edit saying what to document.
//   - Output is deterministic with a total order: confidence desc, then
//     score desc, then system and code asc.
//   - An Engine is immutable and safe for concurrent use (its memo of
//     history-code lookups is guarded).
//   - Bad notes fail with the sentinel errors of errors.go (CheckNote).
package suggest
