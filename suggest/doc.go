// Package suggest turns a clinical note into ranked, explained code
// suggestions: candidate spans from the note's sentences and list items are
// searched in the index, hits are merged per code, the ICD-10-CM coding
// rules are applied (billable leaf, assertions, outpatient uncertain
// diagnoses, Excludes1, seventh character), and what survives is ranked
// and given a calibrated confidence.
//
// Contract:
//   - Queries are analysed with the index's own nlp.Pipeline, never another.
//   - Every Evidence satisfies note[e.Start:e.End] == e.Text.
//   - Output is deterministic with a total order: confidence desc, then
//     score desc, then system and code asc.
//   - An Engine is immutable and safe for concurrent use.
package suggest
