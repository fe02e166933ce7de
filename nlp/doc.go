// Package nlp turns clinical text into what coding needs: tokens with byte
// offsets, normalised and stemmed terms (synonyms canonicalised,
// abbreviations and synonyms expanded), sentences
// and list items, sections, assertions (negated, historical, family,
// hypothetical, uncertain) and a few attributes (laterality, acuity,
// encounter, diabetes type). It knows nothing of codes.
//
// Contract:
//   - For every Token, Term, Span, Assertion trigger and Attribute:
//     0 <= Start <= End <= len(text) and text[Start:End] is the surface text.
//   - Analysis is deterministic and depends only on the text and Options;
//     Pipeline.Hash identifies the analysis so an index built with one
//     analysis is never queried with another.
//   - A Pipeline is immutable and safe for concurrent use; build it once.
//   - Pipeline.Terms(x) equals Analyze(x).Terms with Sent, Section and
//     Assert zeroed (FuzzAnalyze checks this and the offset contract).
//     Terms remembers the terms of short texts (bounded, forgotten at once
//     when full), which changes nothing but speed; its result is shared,
//     read-only. TermsOnce is Terms without remembering; the caller owns
//     its result.
//   - The sense gates (VaccineTarget, InstrumentUse, Pregnancy) answer no at once for
//     a Document from Analyze whose tokens hold none of their words.
//
// # Tokens and normalisation
//
// A token is a run of letters, digits and combining marks, extended over a
// decimal point between digits ("7.5"), an apostrophe inside a word
// ("Crohn's"), dotted acronyms ("b.i.d.", Norm "bid"), the slash
// abbreviations of the dictionary ("h/o", "s/p", "w/", "w/o", "N/V") and
// its hyphenated ones ("IBS-D", "non-STEMI", "CIN-2": a word of at most
// four characters, a hyphen and one word, spelt as a dictionary key); all
// other bytes (spaces, punctuation, hyphens, other slashes) separate tokens,
// so "non-insulin-dependent" is three tokens on both the index and the query
// side. The term stream joins a bound prefix to its word (compound.go):
// "pre-eclampsia", "pre eclampsia" and "preeclampsia" all give the one
// term "preeclampsia" (Start at the prefix, Tok the word's token), after a
// hyphen for pre, anti, peri, intra, inter, post, co, sub, trans, semi,
// multi, hyper, hypo, retro, extra, mid, ultra, after one space too for
// pre, anti, peri, intra, inter and post (not "status post"); the word must
// have three letters or more and be no abbreviation nor stop word ("post
// MI" stays). "non-" is not joined: it negates. Abbreviation expansions
// are joined the same way. Options.NoCompounds turns this off. Norm is lower case with diacritics removed (NFD, combining marks
// dropped: "Ménière" -> "meniere"). Stem is the snowball English stem of
// Norm, or of Norm's canonical synonym ("renal" -> "kidney", see Synonyms);
// forms with a digit or of at most two bytes are their own stem, and so
// are an inflammation ("sinusitis", not folded onto "sinus") and a Latin
// organism epithet ("pneumoniae", not folded onto "pneumonia").
// Stems are memoised: dictionary words in a read-only table built by New,
// other words in a bounded, sharded cache (a full shard is emptied). The
// terms of short texts (code names, asked for on every note) are
// remembered in a bounded internal/textmemo.Memo.
//
// The tokenizer is hand written instead of prose v2's because the whole
// analysis of a 2 KB note must stay under 150 µs. On the same 2 KB note
// (BenchmarkTokenize vs BenchmarkProseTokenize, 2-CPU shared machine
// under load) this tokenizer took about 20-30 µs with no allocation, prose
// with segmentation, tagging and extraction off about 260-390 µs and 910
// allocations, before its tokens were even realigned to byte offsets.
//
// # Terms
//
// Document.Terms is the matching stream: one Term per non-stop token, in
// token order, plus, right after an abbreviation's own surface term, one
// Expanded term per non-stop word of its chosen expansion, each pointing at
// the abbreviation's bytes ("DM2" -> dm2, type, 2, diabetes, mellitus),
// then the Expanded terms of the token's synonym expansion and of the
// longest synonym phrase starting at it. An abbreviation's expansion words
// bring their own synonym expansions ("CA" -> ca, cancer, malignant,
// neoplasm). Within a token's group Tok is that token; Tok never decreases
// along the stream.
// Numbers stay terms ("type 2", "stage 3a"). Stop words (a, an, the, of,
// and, or, in, on, at, to, for, by, is, was, ... see stopword.go) are
// dropped; clinically meaningful small words are kept: with, without, no,
// not, type, stage, left, right, both, due, after, before, acute, chronic.
// List numbers ("1.", "2)") are stop tokens.
//
// # Abbreviations
//
// abbreviations.txt (embedded) holds about 740 abbreviations. A key with a
// capital letter matches only its own spelling or all capitals ("AS" but
// not "as"); "strict" keys that are English words ("ALL", "OR") also need a
// neighbour that is not in capitals. Ambiguous keys list several senses,
// chosen by the token's section (3 points) and cue words among the 8
// tokens either side (1 point each), and a key spelt with mixed case
// that the token matches exactly (2 points: "PsA" is psoriatic arthritis,
// "PSA" the prostate antigen): "PE" in a physical exam section is
// physical examination, next to "DVT" or "anticoagulation" pulmonary
// embolism. Expansions starting with "no"/"without" ("NKDA") make their
// expanded terms Negated. Options.ExtraAbbreviations add or replace keys.
//
// # Synonyms
//
// Code names and notes word the same things differently: names say
// "kidney", "liver", "malignant neoplasm", "neoplasm"; notes (often
// machine translated) say "renal", "hepatic", "cancer", "tumour". Both
// sides go through this pipeline, so synonyms.txt (embedded) canonicalises
// them here. A "source = canonical" line gives a word (matched on its
// Norm) the stem of its canonical form while it keeps its Norm: organ
// adjectives the ICD-10-CM names alternate with nouns ("renal", "hepatic",
// "cardiac", "pulmonary", "gastric", "cerebral", ...), British spellings
// ("tumour", "oedema", "haemorrhage", ...) and words of the notes for words
// of the names ("ulcus", "lithiasis", "bleeding", "neoplasia"). A "source
// + words" line adds Expanded terms, like an abbreviation, over the
// source's bytes; a one-word source is matched on its canonical stem
// ("cancer", "carcinoma" -> malignant neoplasm; "tumor" -> neoplasm;
// "metastases" -> secondary malignant neoplasm), a phrase on the stems of
// tokens joined by spaces or one hyphen ("heart attack" -> myocardial
// infarction, Start at "heart", End after "attack"). Expansions replace
// nothing, so on a code name they add terms; that is safe because the
// note's same words expand the same way. Options.NoSynonyms turns the
// table off; it is part of Pipeline.Hash, so an index built with another
// table is refused.
//
// # Sentences and sections
//
// Sentences and list items end at blank lines, line breaks (unless the line
// merely wraps into a lower-case word), ";", ".", "!", "?" (not after "Dr.",
// "vs." and the like, nor after a capital genus initial before its
// lower-case species: "E. coli", "C. difficile"), bullets ("•", "*", " - "), list numbers, and both
// ends of every section header. A section starts at a known header phrase
// followed by ":" or " - " (at a line start or after a sentence end) or
// alone on its line, matched case- and punctuation-insensitively
// ("ASSESSMENT AND PLAN:", "Assessment/Plan", "A/P:", "PMH:", "Hx:"); about
// 40 kinds are known (section.go). Unknown headers ("HEENT:") start no
// section. Token.Section is -1 before the first header.
//
// # Assertions
//
// ConText over each sentence (trigger.go, assertion.go): the longest
// phrase at each token wins, so pseudo-triggers ("no change", "gram
// negative", "Rh negative", "not only", "history of present illness")
// shadow the triggers inside them; a trigger governs forward, backward or
// both until the sentence edge, a terminator ("but", "however", "except",
// "which", "presents with", "reports", "and is", ...), the next trigger, or
// 15 non-stop tokens (weak "not": 3 tokens and the next comma). The window
// starts again after each short list item (at most 5 non-stop tokens before
// a comma, "and", "or" or "/"), so negation runs to the end of a
// coordinated list ("denies fevers, chills, nausea, or vomiting").
//
// Results stated after their subject ("negative", "nonreactive", "neg",
// "absent", and, only where they end their clause, "normal",
// "unremarkable", "WNL", "within normal limits", and the sign "(-)")
// negate the subject only: back to a comma, "and", "with", "has" or 6
// non-stop tokens ("HIV screening test was unremarkable", but not
// "diabetes" in "has diabetes and renal function is normal"). Right after
// a colon, such a result, or any negation trigger that ends its clause,
// negates the label before the colon ("Fever, chills: none", "Nausea: no",
// "Blurred vision: denies", "Chest pain: (-)"). A result negation also
// carries Result: the finding is absent, the test named there was done.
// An abbreviation whose expansion is negated ("NKDA") and a phrase that is
// its own finding ("no acute distress") are negated themselves.
//
// Historical: "history of", "h/o", "previously"; Historical|Ended where the
// note says it is over: "status post", "s/p", "prior", "previous",
// "former", "ex-", "quit", "resolved", "healed", "... ago", "as a child".
// A predicate with its own subject before it ("TIA, symptoms resolved")
// governs that subject only, not the clause before the comma; bare
// ("Pneumonia, resolved") or ending a list ("cough, fever and chills
// resolved") it reaches back over the comma. So do the post-posed
// negations and uncertainties ("Chest pain, ACS ruled out", "RLQ pain,
// appendicitis not excluded", "Epigastric pain, pancreatitis unlikely":
// the pain stays affirmed). A cause word before such a trigger
// ("organism", "pathogen", "cause", "source") is its whole subject with
// its adjectives: "Pneumonia, causative organism not identified" leaves
// the pneumonia affirmed.
//
// Screening: what a screening looks for is Hypothetical ("screening for
// X", "screened for X", and, after it, "X screening", "X screen", which
// also carry Result: a test was done); a screening trigger does not end
// another trigger's backward scope ("Depression screening, negative").
// Family triggers are blood relatives followed by a link ("mother with",
// "father had", "sister who has"), possessives ("father's"), and "in
// <relative>" after the finding ("in the patient's father"); the same
// forms with other people ("his wife's", "husband has") give
// Family|Unrelated. Section-driven flags: family history sections are
// Family, past medical history sections Historical, and past surgical
// history and allergies sections, up to their first blank line,
// Historical|Ended: the operation or reaction listed there ("hernia repair
// in 2015", "PENICILLIN (rash)") is a past event, over by now. Flags
// combine ("No family history of X": Negated|Family).
//
// Sense (sense.go): Document.VaccineTarget, Document.InstrumentUse and
// Document.Pregnancy tell the context a span's words are used in: a
// disease named as what a vaccine protects against ("tetanus diphtheria
// booster"), a device used as an instrument during a procedure ("clamped
// with a hemostat"), and whether the note documents a pregnancy.
// Document.TriggerTokens marks the words of assertion triggers (they state
// the assertion, not a finding) and Document.LabelTokens the body-system
// sub-headings of a review of systems or an exam ("HEENT:",
// "CARDIOVASCULAR:") and the note's title (a first line in capitals with
// no colon and text after it: "PEDIATRIC SICK VISIT"), which, like
// section headers, are never findings.
//
// # Attributes
//
// Laterality, acuity, encounter (initial, subsequent, sequela) and diabetes
// type (only next to a diabetes word, so "type 2 MI" is not) are read from
// the term stream, so "RLE" gives right and "T2DM" gives type 2.
package nlp
