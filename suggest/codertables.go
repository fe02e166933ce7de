package suggest

import "sync"

// coderTables are what the coding rules (coder.go) read per engine rather
// than per note or per suggestion, each worked out once per code on first
// use.
type coderTables struct {
	// stems is how many distinct stems the "with" subterms hold
	// (withRule.subID); opens, per code, the "with" heads its Index
	// names open (combination.go, comboheads.go).
	stems int
	opens idMemo[[]headOpen]
	// remSibling says, per code, whether a sibling is it "in remission"
	// (remission.go).
	remSibling idMemo[bool]
	// soleFirst are, per code, the codes its "code first" notes name
	// alone (etiology.go).
	soleFirst idMemo[[]soleCode]
	// status indexes the status rules' phrases (status.go).
	statusOnce sync.Once
	status     *cueIndex
	// drugActs indexes the poisoning, underdosing and adverse-effect
	// cues (drugtable.go), neoBehavior the neoplasm behavior cues
	// (neoplasm.go).
	drugActs, neoBehavior lazyCues
}
