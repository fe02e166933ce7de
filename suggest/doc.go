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
//     malunion" is P, "fetus 3" is 3; seventh.go); a fracture's healing
//     stated in a sentence of its own and in a note's words ("IMPRESSION:
//     nonunion at the fracture site", "delayed union", "callus") counts,
//     and says the encounter is a subsequent one (healing.go). A hit inside a longer,
//     fully matched name is "dominated"; a name partly negated by the note
//     is marked.
//  3. The model's usual codes of a category join on another code's evidence;
//     past and family conditions bring their history codes (Z85-Z87, Z92,
//     Z80-Z84) (compete.go, history.go): the code the Index or a title
//     names for the condition, else, for a relative's condition or a past
//     one the note says in so many words is over, the "other" code of the
//     condition's chapter (a relative's malignancy: its site in Z80;
//     historymap.go). No code joins on its training
//     prior alone: priors and learned phrases rank what the note says.
//  4. Coding rules (rules.go): negated, hypothetical and family mentions are
//     rejected (family-history codes excepted; a stated test result does
//     not reject the test's CPT); another person's condition ("his wife's")
//     is rejected, family-history codes included; outpatient uncertain
//     diagnoses are rejected (procedures are not diagnoses); what the note
//     says is over ("status post", "resolved", "quit") is rejected but for
//     history, status and external-cause codes; a past procedure is not a
//     CPT or HCPCS code of this encounter; past conditions keep an edit
//     naming their history code. A one-word match whose letter case says
//     acronym on one side only ("FIT" test against "Fit NOS", "pins"
//     against "PIN") is no match (casesense.go), nor an eponym matched
//     alone that the note writes as a common word ("good adherence" is not
//     Good's syndrome). A learned phrase finds a
//     personal- or family-history code only from words the note places in
//     the past or in a relative (history.go). Sense gates reject a disease named as a
//     vaccine's target, a supply or drug code for an instrument of the
//     procedure, chapter 15 codes in a note documenting no pregnancy, and
//     diagnoses read from an operative note's anesthesia section.
//     Each rejection names its rule and quotes the trigger; each evidence
//     span carries its assertion status and trigger (render.go). Words of
//     section headers, body-system sub-headings ("HEENT:") and assertion
//     triggers are never findings (candidate.go). Past this filter a
//     served note carries at most 100 candidates, those whose best mention
//     scores highest (livecap.go); a training request carries them all.
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
//     After scoring, a past condition the sentence says is over
//     ("completed", "no residual deficits", "none in 3 years") trades
//     places with its personal-history code when one names it (Z86.73 for
//     the TIA, I25.2 for an infarction), the condition falling below the
//     threshold (history.go); so does a condition the sentence calls
//     "history of" when the note states every word of a personal-history
//     code naming it ("Hx of peptic ulcer disease": Z87.11), and a
//     condition never evicts its history code under Excludes1. A
//     relative's condition stated where the note gives the encounter's
//     reason or assessment raises its family-history code to the
//     threshold (one per span, the best-matched condition's); a code whose every mention lies inside a
//     longer name the note states in full ranks below that name's code
//     ("infection" B99.9 below "COVID-19 infection" U07.1; dominated.go);
//     a condition named only in the past history of a note whose own
//     assessment, impression or diagnoses do not take it up falls below
//     the threshold with its reason, history and status Z codes excepted,
//     and so does a code found only by phrases learned from labelled notes,
//     no name of the code set matching the note (addressed.go). In a note
//     that concludes (assessment, impression, diagnoses), a sign or
//     symptom named only outside its conclusion, plan and presenting
//     complaint, and any other condition (not a Z code, not an external
//     cause) named only in its history of the present illness, review of
//     systems or examination, falls below the threshold with edit
//     not_concluded, unless a recommended code's notes ask for it
//     (unconcluded.go); a family- or personal-history code (Z80-Z87, not
//     an unspecified one) the conclusion or presenting reason states in
//     one of the code's own names, matched in full, is raised to the
//     threshold with edit stated_history (stated.go); a reason for an
//     encounter ("Encounter for ...", examinations and screening Z00-Z13,
//     procedures and aftercare Z40-Z53, counselling Z69-Z76) named only in
//     the plan, follow-up or instructions falls below the threshold with
//     edit later_encounter (notyet.go).
//     Refinement (refine.go): a vague code's sibling of its category that
//     reads its words and more beside them (side, site, stage, with or
//     without), leaving at most one word unsaid beyond the vague title, no
//     sibling value and no "other" the note does not say, takes the vague
//     code's rank; the vague code ranks just below it. A generic code of
//     unspecified site is refined so by the site-specific category the
//     Alphabetic Index reaches through its entry (M19.91 -> M17.11).
//     Side (side.go): a header resolved to its unspecified default child
//     takes the sibling holding the one side (right, left, bilateral) the
//     mention's sentence states, with an edit saying so.
//     Site (site.go, sites.txt): a vague candidate (an unspecified or
//     "other" code, or seventh-character stem) that refinement left vague
//     moves to the code (stem) of its category whose title or inclusion
//     term adds words the note states beside the condition, in its own
//     words or through sites.txt (toe -> "ankle and foot", sigmoid ->
//     "large intestine", both -> "bilateral", grade 2 -> "second
//     degree"), with an edit saying so: it keeps the vague title's words
//     but the unspecified detail, never leaves a side unsaid, leaves
//     fewer words unsaid than it states (the Index's default "idiopathic"
//     or "primary" only where an Index path reads the note; the words most
//     of the category holds, before any "with"), names nothing the note
//     says it is without, and is no "other" variety the note does not
//     call other; two equal readings leave the vague code. A bilateral
//     note where the category has no bilateral code gets the right and the
//     left code ("Bilateral knee pain" -> M25.561 and M25.562).
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
//     Among the features, titleSaid, distinctSaid and siblingSaid read
//     the official title against the note's affirmed words in the
//     evidence's sentences (titlesaid.go); a model's PriorReach keeps the
//     prior features of a code whose name the note documents whole within
//     that many log-odds of their cap.
//     Injury floor (injuryfloor.go): of overlapping chapter 19 candidates
//     (S00-T88 but T14.-), the one found by a name of the code set on
//     words that name the injury's kind its title names ("fracture",
//     "sprain"; a ligament "tear" is its sprain), contradicting no
//     sibling word, saying a word that sets it apart from its parent and
//     none that calls it nontraumatic, pathological or osteoporotic, is
//     raised to the decision threshold when the priors left it below:
//     priors break ties, they do not override documented words. Only
//     affirmed current mentions, or a past one for a subsequent-encounter
//     or sequela code (the fracture under care).
//  6. Candidates landing on one code merge; conflicts are resolved by what
//     the note documents, never by a prior (conflict.go): an unspecified
//     code gives way to a documented code of its category, or one the
//     Alphabetic Index reaches through its entry, whose matched name says
//     more; a symptom gives way to a documented diagnosis it is routinely
//     part of, and one named only as the reason for the visit or study
//     (chief complaint, indication, history of the present illness, review
//     of systems) to a diagnosis of its body system in the note's
//     conclusion unless a suggested code's notes ask for it (reason.go;
//     an unspecified injury of a region, "Right ankle injury", to the
//     injury the conclusion finds there);
//     a "without complications" code to a documented
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
//     the Table of Drugs and Chemicals codes a substance (a main term of
//     the table) named within four words of overdose, adverse-effect or
//     underdosing words: the column from those words and the sentence's
//     intent (accidental unless self-harm, assault or undetermined intent
//     is stated), the seventh character from the encounter words; a
//     poisoning at ruleConfidence, an adverse effect or underdosing after
//     the condition it caused; codes resting only on the words it reads
//     ("encounter", "suicide attempt") give way (drugtable.go); the
//     Neoplasm Table codes a site a sentence names beside words of a
//     behavior: the row whose every word the sentence holds and has most
//     words, the malignant secondary column for a site a metastasis
//     reached, the category completed by the child whose distinct title
//     words the note holds (right/left, female/male, basal/squamous
//     cell); morphologies the index codes apart (melanoma, lymphoma ...)
//     and past, negated or uncertain mentions are left to the engine;
//     neoplasm codes the table code contradicts or says more than give
//     way (neoplasm.go); an external cause code is listed after the
//     specific injury documented beside it, and T14.-, an unspecified
//     injury of a site, Z76.89 on encounter words and an unspecified code
//     of another chapter give way to a documented specific injury or
//     complication of care whose words include theirs (injury.go); a
//     skin code found on "callus" in a sentence naming a fracture is
//     contradicted (bone callus, callus.go);
//     diabetes the note calls poorly (inadequately, suboptimally) controlled
//     takes its type's "with hyperglycemia" code, as the Index directs, and
//     its "without complications" code gives way (control.go);
//     a condition the note says is due to another documented condition or
//     induced by a drug takes the Index's "due to" category (E08, E09;
//     dueto.go); a code whose title differs from a category mate's by
//     acuity alone becomes the one for the acuity the note states beside
//     it ("chronic HFpEF" I50.32, "acute on chronic", an exacerbation of
//     a chronic condition; acuity.go); a code whose title leaves a slot
//     open ("unspecified whether with hypoxia or hypercapnia") gives way
//     to a category mate naming one of its values, which takes its
//     confidence if surer (slot.go); an unidentified-organism code
//     becomes the identified one when the note names the organism
//     ("influenza A"; organism.go); a code for an unspecified organism, a
//     noninfective condition or an unspecified infection (A41.9, J18.9,
//     K52.9, B99.9) becomes the code for the organism its sentence names:
//     a suggested "<condition> due to <organism>" code, the one naming an
//     organism-as-cause code's organism (B95-B97, then dropped), or an
//     infectious-disease code naming the condition with the organism
//     right before it ("Norovirus gastroenteritis" A08.11;
//     organismcode.go); the sole code a recommended code's "code first"
//     note names, when the manifestation's own words state it ("COVID-19
//     pneumonia": U07.1 before J12.82), is lifted beside it
//     (etiology.go); an infectious disease the note's words state as a
//     status (asymptomatic HIV, latent TB) gives way to the status code
//     (Z21, Z22.-) whose name those words match (infectionstatus.go);
//     two conditions the Alphabetic Index
//     links by "with" (diabetes and its complications, coronary
//     atherosclerosis and angina; the subterm the note states for the
//     linked condition, or its title's) and hypertension with heart
//     involvement, heart failure or CKD (the family the Index and the
//     Tabular notes describe; hypertension.go; hypertension the note
//     names counts beside a recommended heart failure or CKD stage,
//     however the ranker scored I10) get their combination
//     code, which absorbs its parts unless its "use additional code" note
//     asks for them, and those it keeps are sequenced after it
//     (combination.go); a deficit the note documents as the residual of
//     an old condition (old, prior, history of, late effect, residual,
//     following) gets the "Sequelae of" code naming it (I69.391 for
//     dysphagia after an old cerebral infarction; hemiplegia's side from
//     the note, its dominance from the note or the guidelines' default),
//     which absorbs the condition's code and keeps the deficit's code only
//     when its notes ask for that kind; a sequela code beside its
//     condition documented as current is contradicted (sequela.go).
//     Replaced codes are rejected with the reason; an
//     annotating request keeps them beside the new code and keeps the
//     ranker's order; long-term drug therapy,
//     artificial opening, aftercare and implant status codes from
//     status.txt (status.go; an implant's category takes the child of the
//     side its sentence states: "s/p left TKA" Z96.652; a drug taken as
//     needed is no long-term therapy, nor a topical, inhaled or eye form
//     a systemic-use code, druguse.go; a device, opening or aftercare
//     the plan or follow-up names, of an operation to come or placed
//     this admission is no status, notyet.go); allergy status codes (Z88, Z91.0)
//     of the patient's allergies from allergy.txt, at the threshold when
//     the assessment or plan takes the allergy up, else just below it
//     (allergy.go); a screening
//     stated as this encounter's reason (not planned or ordered) gets the
//     encounter-for-screening code (Z11-Z13) whose Index path or title
//     holds the most words of what it looks for, then of the titles of
//     the conditions those words found, then of the test ("mammogram for
//     breast cancer screening": Z12.31), whatever its result, and a
//     condition code on those words alone is dropped (screening.go); the adult Z68 band
//     of a documented BMI beside a weight diagnosis, other Z68 codes
//     dropped (bmi.go); a category with a billable code under it suggested
//     gives way to it; a procedure family (names equal up to their last
//     comma) is settled by a documented duration or size in the service's
//     sentence, or, when the note cannot tell its members apart, becomes
//     one suggestion with a query edit (detail.go);
//     Z23, Z00, Z08/Z85, Z3A, Z37 (encounter.go) and the vaccine
//     administration codes beside Z23 (vaccine.go); a past malignancy
//     rejected as historical with no evidence of disease gets its Z85
//     code (pastcancer.go); the encounter-reason codes of a service
//     stated where the note says what the encounter is for (not a
//     medication list or plan): preprocedural examination Z01.81-
//     (cardiovascular, respiratory, laboratory or other), repeat
//     prescription Z76.0 and pregnancy test Z32.0- when no condition is
//     coded, drug level monitoring Z51.81, Z09 beside the Z86/Z87 code of
//     a condition whose treatment is completed, Z47.1 beside a joint
//     prosthesis (Z51.89 dropped), tobacco counselling Z71.6 (Z71.9
//     dropped), and on the newborn's record the liveborn code Z38 by
//     place and mode of delivery (Z37 dropped) (visit.go, newborn.go); a
//     suggestion found on an Index term gives way to one found on its
//     subterm when the note states the subterm's words (subterm.go); the office or ED E/M
//     level from documented decision making or time and the preventive
//     visit code by age (em.go). In a note documenting a pregnancy (not a
//     newborn's or a child's record), chapter 15 (obstetric.go): the
//     pregnancy is read from the note (weeks, trimester by the chapter 15
//     definitions, first or later pregnancy, fetus, puerperium); O codes
//     take the note's trimester and fetus characters from their siblings'
//     titles; a chapter 15 code sharing evidence with another chapter's
//     code comes first and the other stays (just below) only when the O
//     code's "use additional code" note asks for it (I.C.15.a); a
//     condition of another chapter in a dated pregnancy, or one its
//     sentence places in the pregnancy, gets the O10/O98-O9A code whose
//     "conditions in" inclusion term holds it (narrowest range) and keeps
//     its own code after it; Z3A codes of other weeks than the note's are
//     dropped; Z34 (normal pregnancy, at a prenatal visit with no O code),
//     O09.5- (advanced maternal age) and O34.21- (previous cesarean's scar)
//     are added; Z3A and Z37 follow the O codes. Rule codes carry a fixed confidence
//     (ruleConfidence, or the decision threshold for secondary codes;
//     a combination code its least confident part's); a training request
//     (Request.Features) skips this step. Codes a rule knows but the loaded
//     CPT file lacks are reported in Result.Notices, never replaced by a
//     neighbour.
//  8. Sequencing (sequence.go): the ICD-10-CM codes at or above the
//     threshold are listed as the Official Guidelines sequence them, by
//     constraints in rank order (a weaker one that would contradict a
//     stronger is dropped): the Tabular's "code first" note of a code
//     (its ancestors' too) puts the code it names, the surest answering
//     one, first, and its "use additional code" note puts the codes it
//     names after it (I.A.13, I.C.4.a.6.b); sepsis before the other
//     conditions (I.C.1.d.4), COVID-19 before the manifestations its
//     sentence states (I.C.1.g.1.a), a hypertensive crisis before the
//     hypertensive disease (I.C.9.a.11), the nature of an adverse effect
//     or underdosing before the drug's code (I.C.19.e.5); the Z codes
//     that name the encounter (examinations, follow-up, aftercare,
//     chemotherapy or radiation; table firstListed, I.C.21.c.16) first
//     when the note states them as the visit, and screening, counseling,
//     palliative care and the like (table reasonFirst) first when the
//     note states the service as what the visit is for ("here for",
//     "counseling for obesity"); a code "classified elsewhere" after the
//     disease its sentence states. A first-listed code takes the place
//     and confidence of the surest code it precedes; a secondary code
//     waits below the code it follows and takes at most its confidence;
//     scores are lowered only where the total order needs it; a moved
//     code gets a "sequencing" edit naming the rule and section. Which
//     codes are above the threshold changes in two cases only: when no
//     encounter Z code is above it, the ranker's surest Z code the note
//     states as the visit, whose evidence names the service its title
//     names ("chemotherapy", not "chemotherapy-induced"), takes the
//     threshold's confidence; and a code a rule lists before an
//     above-threshold code of its sentence, found by a name of the code
//     set with at least half the threshold, of a category with no code
//     above it and not reading only part of that code's words, is lifted
//     (one per code it precedes). An annotating or training request
//     keeps the ranker's order.
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
//   - Every ICD-10-CM suggestion has evidence in the note; at least half
//     a learned phrase's words occur in the names of its code or its
//     ancestors, generic name words ("disease", "other") aside
//     (grounded.go).
//   - Nothing outside the loaded code sets is suggested; a non-billable code
//     is suggested only with a specificity edit saying what to document.
//   - Output is deterministic with a total order: confidence desc, then
//     score desc, then system and code asc.
//   - An Engine is safe for concurrent use. What it works out about a code
//     (title facts, site and category readings, name stems, guideline
//     rows) it keeps in per-engine tables indexed by code or name id,
//     filled on first use by lock-free or guarded stores; no table changes
//     an answer, so a request's output does not depend on what came
//     before. Warm (warm.go) fills the common ones before the first
//     request. The release engines share every table that reads the same
//     in both releases (slotshare.go, siteshare.go, release.go: the
//     newest release's engine is built first and an older one keeps no
//     copy of a table that came out equal, releaseequal.go), and an
//     engine built with Options.Base shares that engine's
//     model-independent tables (shared.go); shared tables are read-only or
//     guarded.
//   - A Result belongs to its caller until the caller hands it back with
//     Release (optional): its arrays are then cleared and a later Suggest
//     renders into them (resultarena.go), so nothing of a released Result
//     may be read again. The server releases an answer once it is
//     written, batch once a line is encoded.
//   - Bad notes fail with the sentinel errors of errors.go (CheckNote).
package suggest
