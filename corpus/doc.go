// Package corpus loads the official medical code sets (ICD-10-CM, HCPCS
// Level II) and user-supplied ones (CPT, site synonyms) into an immutable,
// concurrency-safe Set.
//
// Contract:
//   - Every reader parses one official release format and rejects malformed
//     input with a *ParseError naming the file and line; none panics.
//   - Codes are canonical: ICD-10-CM with its dot ("E11.9"), CPT and HCPCS as
//     five upper-case characters. Lookup accepts any case, dotted or not.
//   - The order files decide which ICD-10-CM codes exist. Load reads every
//     release (icd10cm/<year>/ for FY<year> from October 1, icd10cm/<year>-04/
//     for its April update) from the newest back to the first gap in dates
//     of service, into one union Set: each code once, with the flag and
//     titles of the newest release holding it (older titles stay as names).
//     Set.In(name) and Set.On(date of service) narrow the union to one
//     release: the same IDs, but only that release's codes are found,
//     counted and listed as children, each with its flag and title there.
//     An unknown release wraps ErrUnknownRelease, a date no release covers
//     ErrNotCovered; both list the loaded releases and periods.
//   - Names taken from older Tabular List / Alphabetic Index editions are
//     mapped onto the union's codes; a code a release expanded keeps its
//     names on the header, and the suggest layer asks the coder for the
//     missing detail.
//   - Each code set carries its Release; a code can be validated for a date
//     of service. Set.Diff compares two releases (added, deleted, revised
//     title, now header, now billable); ReadOrderAddenda reads the
//     publisher's order-file addenda and AddendaDiff turns it into the same
//     shape, so the two can be checked against each other.
//
// Readers (ICD-10-CM): ReadOrder (order file: codes, billable flags,
// titles, hierarchy, chapters by range), ReadTabular (Tabular List XML:
// chapters, sections, diag hierarchy, notes, inherited sevenChrDef
// tables), ReadIndex (Alphabetic Index, External Cause Index, Neoplasm
// Table and Table of Drugs XML: term paths, nonessential modifiers,
// codes with trailing "-" marked incomplete, see/seeAlso, table cells).
// The XML readers stream and check the structure the official XSDs
// require (allowed children, required names, titles, levels, columns).
//
// Load assembles a Set from a code-set directory: an order file is
// required (ErrMissingData otherwise); older Tabular List and index
// editions, the HCPCS workbook, CPT and synonym files are optional extras
// read concurrently. Names are the display (NameTitle) first, then the
// short title, inclusion terms, index paths ("Diabetes, diabetic, type 2,
// with, chronic kidney disease"), external-cause paths, neoplasm rows with
// their column ("Neoplasm, neoplastic, breast, malignant primary") and
// drug rows phrased after their column ("Poisoning by <substance>,
// accidental (unintentional)", "Adverse effect of <substance>"), then
// synonyms, then the Alphabetic and External Cause Index cross-references
// (NameCrossRef, CrossRefName: "Stenosis, carotid -> see Occlusion, artery,
// carotid"); deduplicated per code, ignoring case. AlphaIndex.CrossRefs
// resolves every <see>, <seeAlso>, <seecat> and <subcat> against its own
// index (main term, subterm, ... as the XML writes them; "see condition",
// the Neoplasm Table and the Table of Drugs do not resolve and say why).
// A resolved reference names the target's code with the referring path
// (a codeless target: the category its subterms share; a "see also" from a
// term with its own code: not at all), and each coded subterm of a target
// of at most 30 coded terms with the referring path plus the subterm's
// own path below the target (connective-only subterms, "and", aside).
//
// Load cache: unless Options.NoCache, Load snapshots what it loaded in a
// binary file (<Dir>/.medcode-corpus.cache, or Options.CacheFile) and a
// later Load decodes it instead of parsing when nothing it depends on
// changed: the key is a sha256 of the cache format version, the absolute
// Dir, OrderOnly, and the names and contents of every input file (every
// release's order file, CPT and synonym files, or the built-in CPT list,
// included). It does not name the executable, so test binaries and
// bin/medcode share one cache; a change to what the parsers make of the
// same files must bump the format version (cacheVersion). A hit returns a Set deeply equal to a fresh parse.
// The file is written atomically (temporary file + rename), so concurrent
// Loads are safe; a missing, stale, truncated or corrupt cache (CRC-32C) is
// ignored and rewritten, and failing to write it is not an error. Parse
// errors are never cached. On platforms that map files (unix), a hit
// maps the cache read-only and the Set's strings are read from the
// mapping in place; it stays mapped for the life of the process (the
// Set's strings may outlive the Set), and a cache replaced by a later
// write (rename) leaves it whole. Replace the file, never truncate it in
// place, under a running process.
//
// Set layout: a Set keeps no pointer per code. Strings live in one arena
// and codes, names, children, notes and seventh-character rows are flat
// records referring to it, so a long-running server's collector has
// almost nothing to walk. Codes are named by ID (a small integer; 0 is no
// code); Brief, Children and SevenChr read the hot fields without
// allocating, and Lookup, Codes and Code build full copies.
//
// The HCPCS workbook's worksheet XML is scanned directly when it has the
// layout Excel writes; any other layout is read with excelize.
//
// corpus knows nothing of text analysis or scoring.
package corpus
