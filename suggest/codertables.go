package suggest

import "sync"

// coderTables are what the coding rules (coder.go) read per engine rather
// than per note or per suggestion, each worked out once per code on first
// use.
type coderTables struct {
	// stems are the distinct stems the "with" subterms hold, by
	// withRule.subID; opens, per code, the "with" heads its Index names
	// open, and named which of stems its names hold (combination.go,
	// comboheads.go).
	stems []string
	opens idMemo[[]headOpen]
	named idMemo[stemBits]
	// withKeys holds, per "with" head, its rules' withKeys (head ->
	// []withKey; withkeys.go).
	withKeys sync.Map
	// remSibling says, per code, whether a sibling is it "in remission"
	// (remission.go).
	remSibling idMemo[bool]
	// soleFirst are, per code, the codes its "code first" notes name
	// alone (etiology.go).
	soleFirst idMemo[[]soleCode]
	// dueHeads says, per code and e.dueTo entry, whether its Index names
	// reach the entry's head (dueto.go).
	dueHeads idMemo[[]bool]
	// htn is the role of each code in the hypertension family
	// (hypertension.go).
	htnOnce sync.Once
	htn     htnRoles
	// notes are, per code, the codes its and its ancestors' instructional
	// notes name (combination.go).
	notes idMemo[codeNotes]
	// acuity are, per code, its acuityFacts; acuityCats each category's
	// title acuities (category -> []titleFacts) (acuity.go).
	acuity     idMemo[acuityFacts]
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
	// seq are, per code, what sequencing reads of it (seqfacts.go).
	seq idMemo[seqCodeFacts]
	// complicating are, per chapter 15 subcategory, its billable
	// descendants as complicating reads them (complicatingrows.go).
	complicating idMemo[[]complicatingRow]
}
