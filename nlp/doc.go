// Package nlp turns clinical text into what coding needs: tokens with byte
// offsets, normalised and stemmed terms (abbreviations expanded), sentences
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
package nlp
