package suggest

import (
	"medcode/corpus"
	"medcode/index"
)

// Most of an engine's tables depend on its code sets and index alone, not
// on the model: the slot table, Excludes1, the "with" and hypertension
// families, "due to", organisms, status and allergy rules, the site map,
// the drug and neoplasm tables. Options.Base names an engine built on the
// same code sets and index whose tables a new engine shares (read-only)
// instead of building its own: training builds one engine per fold and
// the tests one per model, and the slot table alone is most of New's cost.

// sharedFrom returns the engine among base and its release engines built on
// set and ix, or nil when there is none (base nil, or built on other code
// sets or another index).
func sharedFrom(base *Engine, set *corpus.Set, ix *index.Index) *Engine {
	if base == nil || base.ix != ix {
		return nil
	}
	if base.set == set {
		return base
	}
	for _, sub := range base.byRelease {
		if sub.set == set {
			return sub
		}
	}
	return nil
}

// shareTables makes e use the model-independent tables of from, an engine
// on the same code sets and index.
func (e *Engine) shareTables(from *Engine) {
	e.excl, e.slots = from.excl, from.slots
	e.with, e.coder.stems = from.with, from.coder.stems
	e.htn, e.sequela, e.dueTo = from.htn, from.sequela, from.dueTo
	e.identified, e.organismDue = from.identified, from.organismDue
	e.status, e.allergy, e.sites = from.status, from.allergy, from.sites
	e.drugs, e.neo = from.drugs, from.neo
}

// buildTables builds e's model-independent tables (see shareTables).
// newest, when not nil, is the newest release's engine: the site map
// depends on the index only, so e takes its.
func (e *Engine) buildTables(set *corpus.Set, ix *index.Index, newest *Engine) error {
	e.excl = packExclusions(set, excludes1Table(set))
	e.slots = buildSlots(set, ix)
	e.with, e.coder.stems = withTable(set, e.stemTerms)
	e.htn = e.hypertensionTable()
	e.sequela = sequelaFamily(set, e.stemTerms)
	e.dueTo = dueToTable(set)
	e.identified = identifiedTable(set)
	e.organismDue = organismTable(set)
	status, err := parseStatusRules(set, statusTable)
	if err != nil {
		return err
	}
	e.status = status
	if e.allergy, err = parseAllergyRules(set, allergyTable); err != nil {
		return err
	}
	if newest != nil {
		e.sites = newest.sites
	} else if e.sites, err = siteMapOf(ix); err != nil {
		return err
	}
	e.drugs = drugTableOf(set, ix.Stems)
	e.neo = neoplasmTableOf(set, ix.Stems)
	return nil
}
