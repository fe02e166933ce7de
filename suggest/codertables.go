package suggest

import "sync"

// coderTables are what the coding rules (coder.go) read per engine rather
// than per note or per suggestion, each worked out once per code on first
// use.
type coderTables struct {
	// records are, per code, the rules' memos of it: the "with" heads
	// its Index names open and which of stems its names hold
	// (comboheads.go), its sole "code first" codes (etiology.go), its
	// "due to" heads (dueto.go), whether a sibling is it "in remission"
	// (remission.go), the codes its and its ancestors' instructional
	// notes name (combination.go), its acuity facts (acuity.go) and what
	// sequencing reads of it (seqfacts.go); one record per code
	// (rulerecord.go).
	records ruleRecords
	// stems are the distinct stems the "with" subterms hold, by
	// withRule.subID (combination.go).
	stems []string
	// withKeys holds, per "with" head, its rules' withKeys (head ->
	// []withKey; withkeys.go).
	withKeys sync.Map
	// htn is the role of each code in the hypertension family
	// (hypertension.go).
	htnOnce sync.Once
	htn     htnRoles
	// acuityCats are each category's title acuities (category ->
	// []titleFacts) (acuity.go).
	acuityCats sync.Map
	// sequelaCat maps each sequela code of e.sequela to its condition's
	// category, sequelaCats holds those codes' own categories and
	// conditionCats e.sequela's keys (sequela.go).
	sequelaOnce   sync.Once
	sequelaCat    map[string]string
	sequelaCats   categorySet
	conditionCats categorySet
	// rules indexes the phrase lists the rules read through ruleNote,
	// the status and allergy rules' among them (rulenote.go).
	rules ruleCues
	// complicating are, per chapter 15 subcategory, its billable
	// descendants as complicating reads them (complicatingrows.go).
	complicating idMemo[[]complicatingRow]
}
