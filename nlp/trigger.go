package nlp

import "slices"

// direction is the side of a trigger its scope extends to.
type direction uint8

const (
	forward direction = 1 << iota
	backward
	both = forward | backward
)

// role tells a matched phrase's part in ConText.
type role uint8

const (
	trigger    role = iota
	pseudo          // looks like a trigger but is not one ("no change", "gram negative")
	terminator      // ends any scope ("but", "however", "presents with")
)

// rule is one ConText phrase.
type rule struct {
	phrase string
	role   role
	kind   Assertion
	dir    direction
	first  bool // only at the start of a sentence ("Should symptoms worsen, ...")
	window int  // scope limit in non-stop tokens; 0 means scopeWindow
	comma  bool // a comma ends the scope (weak triggers such as "not")
	// result: a test result or finding stated after its subject ("HIV
	// nonreactive", "Neuro: unremarkable"): the backward scope is the
	// subject only (see subjectScope).
	result bool
	// predicate: a trigger only where it ends its clause ("exam normal."
	// but not "normal pressure hydrocephalus").
	predicate bool
	// self: the phrase is its own finding, under its own kind, with no
	// scope ("no acute distress").
	self bool
}

// familyMembers, otherPeople and familyLinks generate family triggers:
// "mother with", "father had", "sister's", "wife has", "in the patient's
// father". otherPeople are not blood relatives: their conditions are
// Family|Unrelated, which not even a family-history code takes.
var (
	familyMembers = []string{"mother", "father", "mom", "dad", "brother", "sister", "sibling", "siblings",
		"brothers", "sisters", "parent", "parents", "son", "sons", "daughter", "daughters",
		"aunt", "uncle", "grandmother", "grandfather", "grandparent", "grandparents", "grandson", "granddaughter",
		"cousin", "twin", "niece", "nephew", "half brother", "half sister",
		"maternal grandmother", "maternal grandfather", "paternal grandmother", "paternal grandfather",
		"maternal aunt", "maternal uncle", "paternal aunt", "paternal uncle"}
	otherPeople = []string{"wife", "husband", "spouse", "partner", "boyfriend", "girlfriend", "fiance", "fiancee",
		"friend", "roommate", "coworker", "co worker", "neighbor", "caregiver", "stepmother", "stepfather",
		"stepson", "stepdaughter", "mother in law", "father in law"}
	familyLinks = []string{"with", "w/", "had", "has", "have", "died of", "died from", "diagnosed with",
		"history of", "h/o", "hx of", "passed away from", "passed away of", "suffered from", "suffers from",
		"also had", "also has", "is", "was", "who has", "who had", "who is", "who was", "who died of"}
	// familyDeterminers precede a person in backward triggers: "in <det><person>".
	familyDeterminers = []string{"", "his ", "her ", "their ", "the ", "a ", "one ", "the patient's ", "patient's ", "pt's "}
)

// contextRules is the ConText phrase table. Longest match wins, so
// multi-word pseudo-triggers shadow the triggers they contain.
var contextRules = []rule{
	// negation
	{phrase: "no", kind: Negated, dir: forward},
	{phrase: "not", kind: Negated, dir: forward, window: 3, comma: true}, // "AFib not on anticoagulation, HTN"
	{phrase: "denies", kind: Negated, dir: forward},
	{phrase: "denied", kind: Negated, dir: forward},
	{phrase: "deny", kind: Negated, dir: forward},
	{phrase: "denying", kind: Negated, dir: forward},
	{phrase: "patient denies", kind: Negated, dir: forward},
	{phrase: "negative for", kind: Negated, dir: forward},
	{phrase: "neg for", kind: Negated, dir: forward},
	{phrase: "without", kind: Negated, dir: forward},
	{phrase: "w/o", kind: Negated, dir: forward},
	{phrase: "free of", kind: Negated, dir: forward},
	{phrase: "absence of", kind: Negated, dir: forward},
	{phrase: "no evidence of", kind: Negated, dir: forward},
	{phrase: "no evidence for", kind: Negated, dir: forward},
	{phrase: "no signs of", kind: Negated, dir: forward},
	{phrase: "no sign of", kind: Negated, dir: forward},
	{phrase: "no symptoms of", kind: Negated, dir: forward},
	{phrase: "no findings of", kind: Negated, dir: forward},
	{phrase: "no suspicion of", kind: Negated, dir: forward},
	{phrase: "no history of", kind: Negated, dir: forward},
	{phrase: "no hx of", kind: Negated, dir: forward},
	{phrase: "no personal history of", kind: Negated, dir: forward},
	{phrase: "no prior history of", kind: Negated, dir: forward},
	{phrase: "no past history of", kind: Negated, dir: forward},
	{phrase: "no previous history of", kind: Negated, dir: forward},
	{phrase: "no known history of", kind: Negated, dir: forward},
	// "no personal history of interest": nothing worth noting, no finding
	{phrase: "no history of interest", role: pseudo},
	{phrase: "no personal history of interest", role: pseudo},
	{phrase: "no medical history of interest", role: pseudo},
	{phrase: "no past history of interest", role: pseudo},
	{phrase: "no relevant history", role: pseudo},
	{phrase: "no h/o", kind: Negated, dir: forward},
	{phrase: "no known", kind: Negated, dir: forward},
	{phrase: "never had", kind: Negated, dir: forward},
	{phrase: "never", kind: Negated, dir: forward},
	{phrase: "nor", kind: Negated, dir: forward},
	{phrase: "neither", kind: Negated, dir: forward},
	{phrase: "none", kind: Negated, dir: forward},
	{phrase: "fails to reveal", kind: Negated, dir: forward},
	{phrase: "failed to reveal", kind: Negated, dir: forward},
	{phrase: "resolution of", kind: Negated, dir: forward},
	{phrase: "ruled out for", kind: Negated, dir: forward},
	{phrase: "unremarkable for", kind: Negated, dir: forward},
	{phrase: "ruled out", kind: Negated, dir: backward},
	{phrase: "was ruled out", kind: Negated, dir: backward},
	{phrase: "were ruled out", kind: Negated, dir: backward},
	{phrase: "has been ruled out", kind: Negated, dir: backward},
	{phrase: "is ruled out", kind: Negated, dir: backward},
	// "PE and pneumothorax considered and excluded", "DVT excluded by duplex"
	{phrase: "excluded", kind: Negated, dir: backward},
	{phrase: "was excluded", kind: Negated, dir: backward},
	{phrase: "were excluded", kind: Negated, dir: backward},
	{phrase: "is excluded", kind: Negated, dir: backward},
	{phrase: "has been excluded", kind: Negated, dir: backward},
	{phrase: "have been excluded", kind: Negated, dir: backward},
	// results stated after their subject: "HIV nonreactive", "Neuro: unremarkable"
	{phrase: "negative", kind: Negated, dir: backward, result: true},
	{phrase: "is negative", kind: Negated, dir: backward, result: true},
	{phrase: "was negative", kind: Negated, dir: backward, result: true},
	{phrase: "were negative", kind: Negated, dir: backward, result: true},
	{phrase: "neg", kind: Negated, dir: backward, result: true},
	{phrase: "nonreactive", kind: Negated, dir: backward, result: true},
	{phrase: "non reactive", kind: Negated, dir: backward, result: true},
	{phrase: "unremarkable", kind: Negated, dir: backward, result: true, predicate: true},
	{phrase: "normal", kind: Negated, dir: backward, result: true, predicate: true},
	{phrase: "wnl", kind: Negated, dir: backward, result: true, predicate: true},
	{phrase: "within normal limits", kind: Negated, dir: backward, result: true, predicate: true},
	{phrase: "within normal limit", kind: Negated, dir: backward, result: true, predicate: true},
	{phrase: "rh negative", role: pseudo}, // findings named by a negative result
	{phrase: "rh neg", role: pseudo},
	{phrase: "er negative", role: pseudo},
	{phrase: "pr negative", role: pseudo},
	{phrase: "her2 negative", role: pseudo},
	{phrase: "triple negative", role: pseudo},
	{phrase: "receptor negative", role: pseudo},
	{phrase: "coombs negative", role: pseudo},
	{phrase: "not present", kind: Negated, dir: backward},
	{phrase: "not seen", kind: Negated, dir: backward},
	{phrase: "not noted", kind: Negated, dir: backward},
	{phrase: "not identified", kind: Negated, dir: backward},
	{phrase: "not demonstrated", kind: Negated, dir: backward},
	{phrase: "not appreciated", kind: Negated, dir: backward},
	{phrase: "not detected", kind: Negated, dir: backward},
	{phrase: "not found", kind: Negated, dir: backward},
	{phrase: "absent", kind: Negated, dir: backward, result: true},
	{phrase: "free", kind: Negated, dir: backward},
	{phrase: "is absent", kind: Negated, dir: backward, result: true},
	// negation pseudo-triggers
	{phrase: "no increase", role: pseudo},
	{phrase: "no interval increase", role: pseudo},
	{phrase: "no change", role: pseudo},
	{phrase: "no significant change", role: pseudo},
	{phrase: "no interval change", role: pseudo},
	{phrase: "no significant interval change", role: pseudo},
	{phrase: "no definite change", role: pseudo},
	{phrase: "no suspicious change", role: pseudo},
	{phrase: "no improvement", role: pseudo},
	{phrase: "no relief", role: pseudo},
	{phrase: "no further", role: pseudo},
	{phrase: "not only", role: pseudo},
	{phrase: "not necessarily", role: pseudo},
	{phrase: "not improved", role: pseudo},
	{phrase: "not responded", role: pseudo},
	{phrase: "not responding", role: pseudo},
	{phrase: "not extend", role: pseudo},
	{phrase: "not cause", role: pseudo},
	{phrase: "not drain", role: pseudo},
	{phrase: "not been", role: pseudo},
	{phrase: "not well controlled", role: pseudo},
	{phrase: "not controlled", role: pseudo},
	{phrase: "not compliant", role: pseudo},
	{phrase: "gram negative", role: pseudo},
	{phrase: "gram neg", role: pseudo},
	{phrase: "without difficulty", role: pseudo},
	{phrase: "without fail", role: pseudo},
	{phrase: "free text", role: pseudo},
	{phrase: "prior to", role: pseudo},
	{phrase: "history of present illness", role: pseudo},
	{phrase: "history and physical", role: pseudo},
	{phrase: "history taking", role: pseudo},
	{phrase: "social history", role: pseudo},
	{phrase: "no acute distress", kind: Negated, self: true}, // the phrase is its own negated finding
	{phrase: "no apparent distress", kind: Negated, self: true},
	{phrase: "no distress", kind: Negated, self: true},
	{phrase: "not in distress", kind: Negated, self: true},
	// historical
	{phrase: "history of", kind: Historical, dir: forward},
	{phrase: "hx of", kind: Historical, dir: forward},
	{phrase: "h/o", kind: Historical, dir: forward},
	{phrase: "hx", kind: Historical, dir: forward},
	{phrase: "remote history of", kind: Historical, dir: forward},
	{phrase: "past history of", kind: Historical, dir: forward},
	{phrase: "past medical history of", kind: Historical, dir: forward},
	{phrase: "past medical history significant for", kind: Historical, dir: forward},
	{phrase: "pmh of", kind: Historical, dir: forward},
	{phrase: "pmh significant for", kind: Historical, dir: forward},
	{phrase: "pmhx of", kind: Historical, dir: forward},
	{phrase: "previously", kind: Historical, dir: forward},
	{phrase: "prior history of", kind: Historical, dir: forward},
	// over: the condition or procedure is not current. The forward ones
	// govern their object only, up to a comma ("s/p CABG, hypertension,
	// diabetes": the hypertension is current).
	{phrase: "s/p", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "status post", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "status-post", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "previous", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "prior", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "remote", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "former", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "formerly", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "ex", kind: Historical | Ended, dir: forward, window: 1}, // "ex-smoker"
	{phrase: "quit", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "quitting", kind: Historical | Ended, dir: forward, window: 8, comma: true},
	{phrase: "quit in", role: pseudo}, // "quit in 2010": a date, the thing quit comes before
	{phrase: "resolved", kind: Historical | Ended, dir: backward},
	{phrase: "has resolved", kind: Historical | Ended, dir: backward},
	{phrase: "have resolved", kind: Historical | Ended, dir: backward},
	{phrase: "now resolved", kind: Historical | Ended, dir: backward},
	{phrase: "since resolved", kind: Historical | Ended, dir: backward},
	{phrase: "which resolved", kind: Historical | Ended, dir: backward},
	{phrase: "healed", kind: Historical | Ended, dir: backward},
	{phrase: "no evidence of recurrence", kind: Historical | Ended, dir: backward},
	{phrase: "no evidence of recurrent disease", kind: Historical | Ended, dir: backward},
	{phrase: "no evidence of disease", kind: Historical | Ended, dir: backward},
	{phrase: "without evidence of recurrence", kind: Historical | Ended, dir: backward},
	{phrase: "without recurrence", kind: Historical | Ended, dir: backward},
	{phrase: "no recurrence", kind: Historical | Ended, dir: backward},
	{phrase: "ned", kind: Historical | Ended, dir: backward},
	{phrase: "disease free", kind: Historical | Ended, dir: backward},
	{phrase: "cancer free", kind: Historical | Ended, dir: backward},
	{phrase: "eradicated", kind: Historical | Ended, dir: backward},
	{phrase: "cured", kind: Historical | Ended, dir: backward},
	// a past time dates the event, and says nothing of its being over
	// ("diagnosed with diabetes 5 years ago", "fracture 4 weeks ago")
	{phrase: "ago", kind: Historical, dir: backward, comma: true},
	{phrase: "last year", kind: Historical, dir: backward, comma: true},
	{phrase: "years earlier", kind: Historical, dir: backward, comma: true},
	{phrase: "minutes ago", role: pseudo}, // onset times, not history
	{phrase: "hours ago", role: pseudo},
	{phrase: "hour ago", role: pseudo},
	{phrase: "days ago", role: pseudo},
	{phrase: "day ago", role: pseudo},
	{phrase: "in the past", kind: Historical | Ended, dir: backward},
	{phrase: "as a child", kind: Historical | Ended, dir: backward},
	{phrase: "in childhood", kind: Historical | Ended, dir: backward},
	{phrase: "past medical history", role: pseudo}, // a header phrase in running text is handled by sections
	// family
	{phrase: "family history of", kind: Family, dir: forward},
	{phrase: "family history significant for", kind: Family, dir: forward},
	{phrase: "family history positive for", kind: Family, dir: forward},
	{phrase: "family hx of", kind: Family, dir: forward},
	{phrase: "fhx of", kind: Family, dir: forward},
	{phrase: "fh of", kind: Family, dir: forward},
	{phrase: "fhx", kind: Family, dir: forward},
	{phrase: "family history", kind: Family, dir: forward},
	{phrase: "no family history of", kind: Negated | Family, dir: forward},
	{phrase: "strong family history of", kind: Family, dir: forward},
	// hypothetical
	{phrase: "if", kind: Hypothetical, dir: forward},
	{phrase: "return if", kind: Hypothetical, dir: forward},
	{phrase: "call if", kind: Hypothetical, dir: forward},
	{phrase: "return for", kind: Hypothetical, dir: forward},
	{phrase: "in case of", kind: Hypothetical, dir: forward},
	{phrase: "in case", kind: Hypothetical, dir: forward},
	{phrase: "in the event of", kind: Hypothetical, dir: forward},
	{phrase: "should", kind: Hypothetical, dir: forward, first: true},
	{phrase: "watch for", kind: Hypothetical, dir: forward},
	{phrase: "monitor for", kind: Hypothetical, dir: forward},
	{phrase: "as needed for", kind: Hypothetical, dir: forward},
	{phrase: "prn for", kind: Hypothetical, dir: forward},
	{phrase: "risk of", kind: Hypothetical, dir: forward},
	{phrase: "risk for", kind: Hypothetical, dir: forward},
	{phrase: "at risk for", kind: Hypothetical, dir: forward},
	{phrase: "susceptibility to", kind: Hypothetical, dir: forward}, // "genetic susceptibility to breast cancer" (Z15.01) is no cancer
	{phrase: "predisposition to", kind: Hypothetical, dir: forward},
	{phrase: "predisposed to", kind: Hypothetical, dir: forward},
	{phrase: "screening for", kind: Hypothetical, dir: forward},
	{phrase: "screened for", kind: Hypothetical, dir: forward},
	{phrase: "screen for", kind: Hypothetical, dir: forward},
	// "HIV screening", "depression screen negative": what is screened for
	// is its subject, not documented as present; a test was done (Result)
	{phrase: "screening", kind: Hypothetical, dir: backward, result: true},
	{phrase: "screen", kind: Hypothetical, dir: backward, result: true},
	{phrase: "prevention of", kind: Hypothetical, dir: forward},
	{phrase: "to prevent", kind: Hypothetical, dir: forward},
	{phrase: "prophylaxis", kind: Hypothetical, dir: backward},
	{phrase: "prophylaxis for", kind: Hypothetical, dir: forward},
	{phrase: "prophylaxis against", kind: Hypothetical, dir: forward},
	{phrase: "precautions", kind: Hypothetical, dir: backward},
	{phrase: "warning signs of", kind: Hypothetical, dir: forward},
	{phrase: "should be", role: pseudo},
	// uncertain
	{phrase: "possible", kind: Uncertain, dir: forward},
	{phrase: "possibly", kind: Uncertain, dir: forward},
	{phrase: "probable", kind: Uncertain, dir: forward},
	{phrase: "probably", kind: Uncertain, dir: forward},
	{phrase: "suspected", kind: Uncertain, dir: forward},
	{phrase: "suspect", kind: Uncertain, dir: forward},
	{phrase: "suspicious for", kind: Uncertain, dir: forward},
	{phrase: "suspicion for", kind: Uncertain, dir: forward},
	{phrase: "suspicion of", kind: Uncertain, dir: forward},
	{phrase: "rule out", kind: Uncertain, dir: forward},
	{phrase: "to rule out", kind: Uncertain, dir: forward},
	{phrase: "rule out for", kind: Uncertain, dir: forward},
	{phrase: "r/o", kind: Uncertain, dir: forward},
	{phrase: "vs", kind: Uncertain, dir: both},
	{phrase: "versus", kind: Uncertain, dir: both},
	{phrase: "concern for", kind: Uncertain, dir: forward},
	{phrase: "concerning for", kind: Uncertain, dir: forward},
	{phrase: "worrisome for", kind: Uncertain, dir: forward},
	{phrase: "likely", kind: Uncertain, dir: forward},
	{phrase: "most likely", kind: Uncertain, dir: forward},
	{phrase: "unlikely", kind: Uncertain, dir: both},
	{phrase: "is likely", kind: Uncertain, dir: backward},
	{phrase: "is possible", kind: Uncertain, dir: backward},
	{phrase: "is suspected", kind: Uncertain, dir: backward},
	{phrase: "was suspected", kind: Uncertain, dir: backward},
	{phrase: "questionable", kind: Uncertain, dir: forward},
	{phrase: "question of", kind: Uncertain, dir: forward},
	{phrase: "differential includes", kind: Uncertain, dir: forward},
	{phrase: "differential diagnosis includes", kind: Uncertain, dir: forward},
	{phrase: "differential diagnosis of", kind: Uncertain, dir: forward},
	{phrase: "ddx", kind: Uncertain, dir: forward},
	{phrase: "cannot exclude", kind: Uncertain, dir: forward},
	{phrase: "can not exclude", kind: Uncertain, dir: forward},
	{phrase: "cannot rule out", kind: Uncertain, dir: forward},
	{phrase: "cannot be excluded", kind: Uncertain, dir: backward},
	{phrase: "cannot be ruled out", kind: Uncertain, dir: backward},
	{phrase: "not excluded", kind: Uncertain, dir: backward},
	{phrase: "not ruled out", kind: Uncertain, dir: backward},
	{phrase: "may have", kind: Uncertain, dir: forward},
	{phrase: "may represent", kind: Uncertain, dir: forward},
	{phrase: "may be", kind: Uncertain, dir: forward},
	{phrase: "might be", kind: Uncertain, dir: forward},
	{phrase: "could be", kind: Uncertain, dir: forward},
	{phrase: "consistent with", kind: Uncertain, dir: forward},
	{phrase: "compatible with", kind: Uncertain, dir: forward},
	{phrase: "suggestive of", kind: Uncertain, dir: forward},
	{phrase: "presumed", kind: Uncertain, dir: forward},
	{phrase: "presumably", kind: Uncertain, dir: forward},
	{phrase: "evaluate for", kind: Uncertain, dir: forward},
	{phrase: "evaluation for", kind: Uncertain, dir: forward},
	{phrase: "work up for", kind: Uncertain, dir: forward},
	{phrase: "workup for", kind: Uncertain, dir: forward},
	{phrase: "assess for", kind: Uncertain, dir: forward},
	{phrase: "equivocal", kind: Uncertain, dir: both},
	{phrase: "uncertain", kind: Uncertain, dir: forward},
	{phrase: "unclear if", kind: Uncertain, dir: forward},
	{phrase: "unclear whether", kind: Uncertain, dir: forward},
	{phrase: "not certain whether", kind: Uncertain, dir: forward},
	{phrase: "not certain if", kind: Uncertain, dir: forward},
	{phrase: "not sure if", kind: Uncertain, dir: forward},
	// terminators
	{phrase: "but", role: terminator},
	{phrase: "however", role: terminator},
	{phrase: "although", role: terminator},
	{phrase: "though", role: terminator},
	{phrase: "yet", role: terminator},
	{phrase: "except", role: terminator},
	{phrase: "except for", role: terminator},
	{phrase: "aside from", role: terminator},
	{phrase: "apart from", role: terminator},
	{phrase: "other than", role: terminator},
	{phrase: "besides", role: terminator},
	{phrase: "presents with", role: terminator},
	{phrase: "presented with", role: terminator},
	{phrase: "presenting with", role: terminator},
	{phrase: "reports", role: terminator},
	{phrase: "reported", role: terminator},
	{phrase: "endorses", role: terminator},
	{phrase: "complains of", role: terminator},
	{phrase: "complaining of", role: terminator},
	{phrase: "c/o", role: terminator},
	{phrase: "positive for", role: terminator},
	{phrase: "admits to", role: terminator},
	{phrase: "which", role: terminator},
	{phrase: "who", role: terminator},
	{phrase: "whose", role: terminator},
	{phrase: "cause of", role: terminator},
	{phrase: "causes of", role: terminator},
	{phrase: "etiology of", role: terminator},
	{phrase: "source of", role: terminator},
	{phrase: "reason for", role: terminator},
	{phrase: "secondary to", role: terminator},
	{phrase: "now with", role: terminator},
	{phrase: "currently", role: terminator},
	{phrase: "presently", role: terminator},
	// a conjunction opening a new clause ends a list
	{phrase: "and is", role: terminator},
	{phrase: "and was", role: terminator},
	{phrase: "and has", role: terminator},
	{phrase: "and had", role: terminator},
	{phrase: "and have", role: terminator},
	{phrase: "and will", role: terminator},
	{phrase: "and now", role: terminator},
	{phrase: "and then", role: terminator},
	{phrase: "since", role: terminator},
	// what goes on now
	{phrase: "residual", role: terminator},
	{phrase: "with residual", role: terminator},
	{phrase: "persistent", role: terminator},
	{phrase: "with persistent", role: terminator},
	{phrase: "ongoing", role: terminator},
	{phrase: "still", role: terminator},
	{phrase: "no residual", kind: Negated, dir: forward},
	{phrase: "without residual", kind: Negated, dir: forward},
	{phrase: "no persistent", kind: Negated, dir: forward},
	{phrase: "without persistent", kind: Negated, dir: forward},
	{phrase: "no ongoing", kind: Negated, dir: forward},
	{phrase: "because", role: terminator},
	{phrase: "presents for", role: terminator},
	{phrase: "admitted", role: terminator},
	{phrase: "was admitted", role: terminator},
	{phrase: "here for", role: terminator},
	{phrase: "is here", role: terminator},
}

// triggerNode is a node of the phrase trie over token norms.
type triggerNode struct {
	// next maps a word to the child node it leads to. Only the root's
	// is read after New (vocab.trigFirst); the others build kids, and
	// newTriggerTrie drops them.
	next map[string]*triggerNode
	// kids are next keyed by the words' trigger ids (triggerTrie.ids),
	// sorted by id: what matchFrom reads instead of hashing each norm.
	kids []triggerKid
	rule *rule
}

// triggerKid is one child of a triggerNode under its word's trigger id.
type triggerKid struct {
	id   uint16
	node *triggerNode
}

// triggerTrie finds the longest ConText phrase starting at a token.
type triggerTrie struct {
	root triggerNode
	// ids number the words that continue a phrase (below the root's
	// children), from 1 in sorted order; a word not here continues none.
	ids map[string]uint16
}

// newTriggerTrie analyses every phrase with the pipeline's own tokenizer
// and normaliser, so phrases match exactly what tokens hold. Below the
// root, the nodes keep only their kids: the next maps that built them
// would stay live for nothing but the collector's scans.
func newTriggerTrie(p *Pipeline) *triggerTrie {
	t := buildTriggerTrie(p)
	var drop func(n *triggerNode)
	drop = func(n *triggerNode) {
		for _, k := range n.kids {
			drop(k.node)
		}
		n.next = nil
	}
	for _, c := range t.root.next {
		drop(c)
	}
	return t
}

// buildTriggerTrie is newTriggerTrie with every node's next map kept.
func buildTriggerTrie(p *Pipeline) *triggerTrie {
	t := &triggerTrie{}
	add := func(r rule) {
		n := &t.root
		for _, rt := range p.tokenize(r.phrase, nil) {
			w := string(foldInto(nil, r.phrase[rt.start:rt.end], rt.dotted))
			if n.next == nil {
				n.next = make(map[string]*triggerNode)
			}
			c := n.next[w]
			if c == nil {
				c = &triggerNode{}
				n.next[w] = c
			}
			n = c
		}
		if n.rule == nil {
			n.rule = &r
		}
	}
	for _, r := range contextRules {
		add(r)
	}
	people := func(members []string, kind Assertion) {
		for _, m := range members {
			for _, l := range familyLinks {
				add(rule{phrase: m + " " + l, kind: kind, dir: forward})
				add(rule{phrase: m + "'s " + l, kind: kind, dir: forward})
			}
			// "his wife's rheumatoid arthritis", "father's MI"
			add(rule{phrase: m + "'s", kind: kind, dir: forward, window: 3, comma: true})
			for _, det := range familyDeterminers {
				add(rule{phrase: "in " + det + m, kind: kind, dir: backward})
			}
		}
	}
	people(familyMembers, Family)
	people(otherPeople, Family|Unrelated)
	for _, b := range []string{"in siblings", "in the family", "in family", "runs in the family", "runs in family"} {
		add(rule{phrase: b, kind: Family, dir: backward})
	}
	t.number()
	return t
}

// number gives every word that continues a phrase its trigger id and
// fills every node's kids from its next map.
func (t *triggerTrie) number() {
	var words []string
	var walk func(n *triggerNode, root bool)
	walk = func(n *triggerNode, root bool) {
		for w, c := range n.next {
			if !root {
				words = append(words, w)
			}
			walk(c, false)
		}
	}
	walk(&t.root, true)
	slices.Sort(words)
	words = slices.Compact(words)
	t.ids = make(map[string]uint16, len(words))
	for i, w := range words {
		t.ids[w] = uint16(i + 1)
	}
	var fill func(n *triggerNode)
	fill = func(n *triggerNode) {
		for w, c := range n.next {
			if id := t.ids[w]; id != 0 {
				n.kids = append(n.kids, triggerKid{id: id, node: c})
			}
			fill(c)
		}
		slices.SortFunc(n.kids, func(a, b triggerKid) int { return int(a.id) - int(b.id) })
	}
	fill(&t.root)
}

// child returns n's child under trigger id id (not 0), or nil.
func (n *triggerNode) child(id uint16) *triggerNode {
	for _, k := range n.kids {
		if k.id >= id {
			if k.id == id {
				return k.node
			}
			return nil
		}
	}
	return nil
}

// matchFrom returns the longest rule starting at token i (within
// toks[:end], i < end) and the index after it. first is the trie root's
// child for token i's form (its word's trig), found with the word; lexs
// hold the tokens' trigger ids (lex.tw), by which it walks on.
func matchFrom(first *triggerNode, lexs []lex, i, end int) (*rule, int) {
	var best *rule
	bestEnd := i
	n := first
	for j := i; ; {
		if n.rule != nil {
			best, bestEnd = n.rule, j+1
		}
		j++
		if j >= end || lexs[j].tw == 0 {
			break
		}
		c := n.child(lexs[j].tw)
		if c == nil {
			break
		}
		n = c
	}
	return best, bestEnd
}
