package corpus

import (
	"fmt"
	"strings"
	"time"
)

// System identifies a code system.
type System string

// The code systems medcode knows.
const (
	ICD10CM System = "ICD-10-CM"
	CPT     System = "CPT"
	HCPCS   System = "HCPCS"
)

// Systems lists every system in a fixed order.
var systems = [...]System{ICD10CM, CPT, HCPCS}

// AllSystems returns every known system in a fixed order.
func AllSystems() []System { return append([]System(nil), systems[:]...) }

// URI is the FHIR code-system URI of s.
func (s System) URI() string {
	switch s {
	case ICD10CM:
		return "http://hl7.org/fhir/sid/icd-10-cm"
	case CPT:
		return "http://www.ama-assn.org/go/cpt"
	case HCPCS:
		return "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
	}
	return ""
}

// ParseSystem accepts the usual spellings of a system name
// ("icd10cm", "ICD-10-CM", "cpt", "hcpcs", "HCPCS Level II").
func ParseSystem(s string) (System, error) {
	k := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-' || c == '_' || c == ' ' || c == '.':
		case 'A' <= c && c <= 'Z':
			k = append(k, c+'a'-'A')
		default:
			k = append(k, c)
		}
	}
	switch string(k) {
	case "icd10cm", "icd10", "icd":
		return ICD10CM, nil
	case "cpt", "cpt4", "hcpcslevel1", "hcpcsleveli":
		return CPT, nil
	case "hcpcs", "hcpcslevel2", "hcpcslevelii", "hcpcs2":
		return HCPCS, nil
	}
	return "", fmt.Errorf("corpus: unknown system %q (want icd10cm, cpt or hcpcs)", s)
}

// NameKind says where a searchable name of a code comes from.
type NameKind uint8

// Kinds of names, from the most to the least authoritative.
const (
	NameTitle     NameKind = iota // official long title (the display)
	NameShort                     // official short title
	NameInclusion                 // Tabular List inclusion term
	NameIndex                     // Alphabetic Index path ("Diabetes, type 2, with, chronic kidney disease")
	NameExternal                  // External Cause Index path
	NameNeoplasm                  // Neoplasm Table row path and column
	NameDrug                      // Table of Drugs row path and column
	NameSynonym                   // site synonym file
	NameLearned                   // mined from labelled notes
	NameCrossRef                  // Alphabetic Index cross-reference ("Stenosis, carotid -> see Occlusion, artery, carotid"; CrossRefName)
)

var nameKinds = [...]string{"title", "short", "inclusion", "index", "external", "neoplasm", "drug", "synonym", "learned", "crossref"}

// String returns the lower-case word used in JSON and reports.
func (k NameKind) String() string {
	if int(k) < len(nameKinds) {
		return nameKinds[k]
	}
	return fmt.Sprintf("kind%d", k)
}

// Name is one searchable string of a code.
type Name struct {
	Text string
	Kind NameKind
}

// WithoutBracketed removes the parenthesised and bracketed (non-essential)
// words of a name (the Tabular List's nonessential modifiers) and
// collapses the spaces left behind.
func WithoutBracketed(name string) string {
	var b strings.Builder
	depth := 0
	for _, r := range name {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Extension is one row of a seventh-character table (sevenChrDef).
type Extension struct {
	Char string // "A"
	Text string // "initial encounter for closed fracture"
}

// Notes are the Tabular List instructional notes of a code.
type Notes struct {
	Includes      []string
	Excludes1     []string
	Excludes2     []string
	CodeFirst     []string
	UseAdditional []string
	CodeAlso      []string
	Notes         []string
	SevenChrNote  []string
}

// Code is one code of a system. A Set keeps codes packed and hands out
// fresh copies (Lookup, Codes): changing one changes nothing in the Set.
type Code struct {
	System   System
	Code     string // canonical: "E11.9", "99213", "J1100"
	Display  string // official long title
	Short    string // official short title, if any
	Billable bool   // valid on a claim (ICD-10-CM: order-file flag 1)
	Modifier bool   // HCPCS modifier rather than a procedure code
	Parent   string // canonical code of the parent, "" for a category root
	Children []string
	Chapter  string // ICD-10-CM chapter number ("4"), where known
	// Names are every searchable string of the code, the display first.
	Names []Name
	Notes Notes
	// SevenChr is the effective seventh-character table, inherited from the
	// nearest ancestor that defines one; empty when the code takes none.
	SevenChr []Extension
	// Added and Terminated are the code's add and termination dates where
	// the release file gives them (HCPCS); zero when unknown or active.
	Added      time.Time
	Terminated time.Time
}

// NormalizeCode turns user input ("e119", "E11.9", " j1100 ") into the
// canonical spelling for sys. It does not check that the code exists.
func NormalizeCode(sys System, s string) string {
	if canonical(sys, s) {
		return s // the common case on hot paths: no allocation
	}
	c := strings.ToUpper(strings.TrimSpace(s))
	if sys != ICD10CM {
		return c
	}
	c = strings.ReplaceAll(c, ".", "")
	if len(c) > 3 {
		c = c[:3] + "." + c[3:]
	}
	return c
}

// canonical reports whether s is already spelled as NormalizeCode would
// spell it: upper-case letters and digits, and for ICD-10-CM a dot after
// the third character exactly when longer than three. It compares the
// system once, not per byte: the suggest rules ask it ~900 times a note.
func canonical(sys System, s string) bool {
	if sys == ICD10CM {
		// The dot's place is tested once, not per byte: the three
		// characters before it, then the rest after it.
		switch {
		case len(s) > 4 && s[3] == '.':
			return upperOrDigit(s[0]) && upperOrDigit(s[1]) && upperOrDigit(s[2]) && upperOrDigits(s[4:])
		case len(s) > 3:
			return false
		}
	}
	return s != "" && upperOrDigits(s)
}

// upperOrDigits reports whether every byte of s is upperOrDigit.
func upperOrDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !upperOrDigit(s[i]) {
			return false
		}
	}
	return true
}

// upperOrDigit reports whether c is 'A'-'Z' or '0'-'9'.
func upperOrDigit(c byte) bool { return c-'A' < 26 || c-'0' < 10 }
