package suggest

import (
	"medcode/corpus"
	"medcode/nlp"
)

// A family- or personal-history code (Z80-Z87) whose own name the note's
// conclusion or presenting reason states in full ("Family history of
// prostate cancer" in the assessment, "Family history of colon cancer" as
// a colonoscopy's indication) is what the provider concluded: the coder
// takes it. Training notes seldom label these codes, and a prior learned
// from them must not override documented words; such a code is raised to
// the decision threshold, where the coding rules' additions stand.

// statedSection reports whether kind is where a note concludes (not its
// plan) or states why the patient came.
func statedSection(kind nlp.SectionKind) bool {
	return takenUp[kind] && kind != nlp.Plan || presenting[kind]
}

// statedHistory raises to the decision threshold the history codes the
// note's conclusion states in one of the code's own names, matched in full
// (not a learned phrase, not inside a longer name, no word negated), not
// for annotation. Unspecified codes are left to the ranking.
func (e *Engine) statedHistory(doc *nlp.Document, ks []scored, annotate bool) {
	if annotate {
		return
	}
	thr := e.DecisionThreshold()
	var spare codeFact
	for i := range ks {
		k := &ks[i]
		if k.conf >= thr {
			continue
		}
		// An unspecified code says less than a note that names the site
		// (its facts hold unspecifiedTitle of its title: no brief read).
		if e.set.SystemOf(k.code) != corpus.ICD10CM || !historyZ(e.set.CodeString(k.code)) || e.factRef(k.code, &spare).flags&factUnspecified != 0 {
			continue
		}
		for i := range k.c.mentions {
			m := &k.c.mentions[i] // read in place: a mention is large
			if m.learned || m.dominated || m.partNeg != 0 || m.hit.Coverage < 0.99 || !statedSection(sectionKind(doc, m.section)) {
				continue
			}
			if int(m.hit.Code) >= len(e.targets) || e.targets[m.hit.Code].anyCode() != k.code {
				continue // a sibling's name the code joined on
			}
			k.conf = thr
			k.edits = append(k.edits, Edit{Kind: "stated_history", Message: "the note's conclusion states this history in the code's own words"})
			break
		}
	}
}

// historyZ reports whether code is a family- or personal-history code
// (Z80-Z87), by its first three bytes: statedHistory asks it of every
// candidate below the threshold. historyZPlain is the prefix list.
func historyZ(code string) bool {
	return len(code) >= 3 && code[0] == 'Z' && code[1] == '8' && code[2] >= '0' && code[2] <= '7'
}
