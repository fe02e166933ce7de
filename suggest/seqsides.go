package suggest

// listSide is what mayList reads of a code b that a code may be listed
// before, packed once per note: at its notes' codeFirstAt, bit its code's
// first byte as rangeFirsts sets it, and flags the b halves of mayList's
// flag tests (the listFlag bits). A code the code set does not know
// (!ok) is the zero side: mayList lists nothing before it.
type listSide struct {
	at, bit uint64
	flags   uint8
}

// The b halves of mayList's tests; listNeeds sets the a halves.
const (
	listEmpty        uint8 = 1 << iota // b's code is empty: firstIn(any, "") holds
	listNotSepsisObs                   // !b.sepsis && !b.obstetric
	listNotObs                         // !b.obstetric
	listDrug                           // b.drug
	listHypertensive                   // b.hypertensive
	listNoFirst                        // b.first == ""
	listNoReason                       // b.reason == "" && b.first == ""
	listElsewhere                      // b.elsewhere
)

// sideOf packs the side of b (facts fb).
func sideOf(fb *seqFact, b *Suggestion) listSide {
	if !fb.ok {
		return listSide{}
	}
	s := listSide{at: fb.codeFirstAt}
	if b.Code == "" {
		s.flags |= listEmpty
	} else {
		s.bit = 1 << (b.Code[0] & 63)
	}
	if !fb.sepsis && !fb.obstetric {
		s.flags |= listNotSepsisObs
	}
	if !fb.obstetric {
		s.flags |= listNotObs
	}
	if fb.drug {
		s.flags |= listDrug
	}
	if fb.hypertensive {
		s.flags |= listHypertensive
	}
	if fb.first == "" {
		s.flags |= listNoFirst
		if fb.reason == "" {
			s.flags |= listNoReason
		}
	}
	if fb.elsewhere {
		s.flags |= listElsewhere
	}
	return s
}

// listNeed is the a half of mayList for a code a (facts fa, above the
// threshold or not): mayList(fa, fb, a, b, above) is
// need.may(sideOf(fb, b)) for every b (TestListSides), when ok; a code
// with an empty code is not ok (firstIn holds of it against any notes,
// asked by mayList itself).
type listNeed struct {
	bit, use uint64
	flags    uint8
}

// needOf packs the a half of mayList; ok is false when mayList must be
// asked (an empty code). A code the code set does not know needs what
// no side has.
func needOf(fa *seqFact, a *Suggestion, above bool) (n listNeed, ok bool) {
	if a.Code == "" {
		return listNeed{}, false
	}
	if !fa.ok {
		return listNeed{}, true
	}
	n.bit = 1 << (a.Code[0] & 63)
	if fa.sepsis {
		n.flags |= listNotSepsisObs
	}
	if fa.covid {
		n.flags |= listNotObs
	}
	if !fa.drug && fa.nature {
		n.flags |= listDrug
	}
	if fa.crisis {
		n.flags |= listHypertensive
	}
	if above {
		n.use = fa.useAdditionalAt
		n.flags |= listEmpty
		if fa.first != "" {
			n.flags |= listNoFirst
		}
		if fa.reason != "" {
			n.flags |= listNoReason
		}
		if !fa.elsewhere && !fa.z {
			n.flags |= listElsewhere
		}
	}
	return n, true
}

// may is mayList of the code n was packed from before the code of s.
func (n *listNeed) may(s *listSide) bool {
	return s.at&n.bit|n.use&s.bit != 0 || n.flags&s.flags != 0
}
