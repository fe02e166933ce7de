// Package index is a TF-IDF index over every searchable name of every code:
// official titles, inclusion terms, Alphabetic Index paths, drug and
// neoplasm table rows, CPT/HCPCS descriptions, synonyms and names learned
// from labelled notes. Names are matched on their essential words: generic
// words ("unspecified", "NEC"), "side" after right or left, a title's
// bracketed nonessential words (a second name), and an Alphabetic Index
// main term's variant forms ("Atrophy, atrophic, thymus" is also
// "Atrophy, thymus"; WithoutVariants) are left out.
//
// Cross-references (corpus.NameCrossRef) are matched on their referring
// path alone ("Stenosis, carotid" of "Stenosis, carotid -> see Occlusion,
// artery, carotid"; the target stays in the text as provenance), weigh as
// a short title, and are left out when they add nothing: one common word
// (in 200 other names or more: "Age - see Senility"), a lone adjective of
// the target's main term ("Adherent - see Adhesions"), or words one of the
// code's own names already holds.
//
// Weighting. A term's weight is w(t) = ln(1 + N/df(t)), N the number of
// names and df(t) the names holding t, cross-reference names not counted
// (they repeat other paths' words); a few generic words ("with",
// "site") weigh a fifth of that. A name is the set of its terms.
//
// Search. A query is the term sequence of one sentence or list item. A name
// is a candidate when the query holds its rarest (most informative) term, so
// common words never open long postings; a name missing that term could not
// reach a useful coverage anyway (coverage enters the score squared). For
// each candidate:
//
//	coverage = Σ_{t∈name∩query} w(t)² / Σ_{t∈name} w(t)²      (how much of the name the note says)
//	cosine   = Σ_{t∈name∩query} w(t)² / (‖name‖ · ‖window‖)    (TF-IDF cosine against the smallest
//	                                                            query window holding the matched terms)
//	order    = matched adjacent name-term pairs in note order / adjacent pairs
//	score    = kindWeight · coverage² · (0.7 + 0.3·cosine) · (0.85 + 0.15·order)
//
// Hits below SearchOptions.MinCoverage or MinScore are dropped. Hits carry every part so the
// caller can explain and re-rank them.
//
// Invariant: index-time and query-time analysis are the same. The index
// stores the nlp.Options it was built with and their hash; Analyzer returns
// the pipeline built from them, and a snapshot whose hash does not match the
// current analysis code refuses to load.
//
// A name's text flags (NameHas: an apostrophe, the word "without", a word
// in capitals) are found when the index is built or read, not stored in
// the snapshot. So are the postings: one record per name under its rarest
// term, holding the name's terms (the only copy of them once the index is
// loaded), with each term's w² read from one per-term table. A search of
// coverage 0.65 or more reads only the records its terms can open: a
// record whose rarest term alone can reach the coverage, or one that also
// holds a query term among its next heaviest (pair lists, pairs.go).
//
// An Index is immutable and safe for concurrent use; Stems remembers the
// stems of short texts it was asked for (bounded, forgotten at once when
// full), which changes nothing but speed; StemsOnce reads the same
// without remembering (texts read once into a caller's table).
package index
