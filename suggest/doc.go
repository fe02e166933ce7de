// Package suggest turns a clinical note into ranked, explained code
// suggestions.
//
// Pipeline (one request):
//  1. The note is analysed with the index's own nlp.Pipeline; every
//     sentence or list item (section headers left out) is searched in the
//     index, and in the side index of phrases learned from labelled notes
//     when a Model carries them (candidate.go).
//  2. Hits become mentions of a target: a billable code, a header resolved
//     to its default child with a specificity edit (resolve.go), or a
//     seventh-character stem completed with the table row whose meaning the
//     note states near the mention ("subsequent encounter ... with
//     malunion" is P, "fetus 3" is 3; seventh.go). A hit inside a longer,
//     fully matched name is "dominated"; a name partly negated by the note
//     is marked.
//  3. The model's usual codes of a category join on another code's evidence;
//     past and family conditions bring their history codes (Z85-Z87, Z92,
//     Z80-Z84) (compete.go, history.go). No code joins on its training
//     prior alone: priors and learned phrases rank what the note says.
//  4. Coding rules (rules.go): negated, hypothetical and family mentions are
//     rejected (family-history codes excepted; a stated test result does
//     not reject the test's CPT); another person's condition ("his wife's")
//     is rejected, family-history codes included; outpatient uncertain
//     diagnoses are rejected (procedures are not diagnoses); what the note
//     says is over ("status post", "resolved", "quit") is rejected but for
//     history, status and external-cause codes; a past procedure is not a
//     CPT or HCPCS code of this encounter; past conditions keep an edit
//     naming their history code. Sense gates reject a disease named as a
//     vaccine's target, a supply or drug code for an instrument of the
//     procedure, and chapter 15 codes in a note documenting no pregnancy.
//     Each rejection names its rule and quotes the trigger; each evidence
//     span carries its assertion status and trigger (render.go). Words of
//     section headers, body-system sub-headings ("HEENT:") and assertion
//     triggers are never findings (candidate.go).
//     Sibling discrimination (discriminate.go): titles equal but for one or
//     two terms define slots mined from the code set (type 1/2, stage 2/3a,
//     left/right/unspecified eye, recurrent/single episode); a candidate
//     whose title fills a slot with another value than the note does in a
//     sentence of its good mentions is rejected as "contradicted" with the
//     reason ("note says type 1; E11.9 is type 2"), unless a name that found
//     it holds the note's words; an unspecified code is rejected so only
//     when its sibling holding the note's value is a candidate. Words that
//     state a stem's seventh character are no other code's evidence.
//     Specificity (specificity.go): a vague code (unspecified, "without
//     complications", a header) whose words a same-chapter candidate (any
//     chapter when its official title is stated) reads in full, and more, and an "other" code the note does not call other,
//     rank just below that code once it is suggested (edit "less specific
//     than ..."); a model's confidence never puts them above it.
//  5. Every candidate gets features (features.go) and a confidence: the
//     model's boosted trees or logistic weights, coder-feedback adjustment,
//     isotonic calibration (confidence.go); untrained, a fixed function of
//     the retrieval score. A model may carry a Ceiling (ceiling.go; `train
//     --ceiling`), a re-ranker fitted with the training corpus's priors and
//     co-occurrences held at 0 and calibrated on its own: the confidence is
//     then the lesser of the two, recalibrated, so what one corpus codes
//     often orders candidates but cannot raise a confidence above what the
//     note's words support (coder feedback is exempt: it is this site's
//     coders' judgement).
//  6. Candidates landing on one code merge; conflicts are resolved by what
//     the note documents, never by a prior (conflict.go): an unspecified
//     code gives way to a documented code of its category, or one the
//     Alphabetic Index reaches through its entry, whose matched name says
//     more; a symptom gives way to a documented diagnosis it is routinely
//     part of; a "without complications" code to a documented
//     complication; of an Excludes1 pair the better documented stays. A
//     code gives way only to a replacement that is itself suggested.
//     Suggestions vs Rejected: a code the note documents but a convention
//     keeps from being coded beside its replacement (less_specific,
//     integral_symptom, the Excludes1 loser with words of its own) stays
//     among the suggestions below the decision threshold, ranked after the
//     code it yields to, with the rule and reason as an edit (and in
//     Rejected when the MaxResults cut leaves it out); what the note's words
//     rule out (negated, another person's, contradicted, an Excludes1 loser
//     with no words of its own, not valid on the date) is rejected.
//     Request.Annotate keeps the redundancy annotation corpora label (and
//     rejects the lower ranked of an Excludes1 pair, as before). The
//     top MaxResults are rendered with evidence, explanation tree and
//     alternatives (render.go).
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
//   - A note is coded with the ICD-10-CM release in force on its date of
//     service (Request.DateOfService; today when zero, the newest release
//     when today is past all) or the one Request.Release names (release.go):
//     nothing outside that release is suggested, a code it lacks gives its
//     names to its nearest ancestor there, and the Result names the release
//     (CodeSets) and the date. A date no loaded release covers, or an
//     unknown release, fails with an error wrapping corpus.ErrNotCovered or
//     corpus.ErrUnknownRelease that lists the loaded periods. The model and
//     feedback name codes by their strings, so a new release keeps them.
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
