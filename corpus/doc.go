// Package corpus loads the official medical code sets (ICD-10-CM, HCPCS
// Level II) and user-supplied ones (CPT, site synonyms) into an immutable,
// concurrency-safe Set.
//
// Contract:
//   - Every reader parses one official release format and rejects malformed
//     input with a *ParseError naming the file and line; none panics.
//   - Codes are canonical: ICD-10-CM with its dot ("E11.9"), CPT and HCPCS as
//     five upper-case characters. Lookup accepts any case, dotted or not.
//   - The FY2026 order file decides which ICD-10-CM codes exist. Names taken
//     from older Tabular List / Alphabetic Index editions are mapped onto
//     FY2026 codes; a code FY2026 expanded keeps its names on the header,
//     and the suggest layer asks the coder for the missing detail.
//   - Each code set carries its Release; a code can be validated for a date
//     of service.
//
// corpus knows nothing of text analysis or scoring.
package corpus
