package suggest

import "medcode/corpus"

// The reasons resolveConflicts files (a code giving way, an Excludes1
// loser) are each a few constant words around a code and its title: a
// dozen a note, each a concatenation and an allocation of its own. They
// are carved from the note's reason chunk instead (reasonbuf.go, the one
// the rules' rejections use: its strings are never written again).

// joinIn is the concatenation of parts carved from buf: one copy into the
// chunk, no allocation of its own (TestJoinIn holds it to +).
func joinIn(buf *reasonBuf, parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := buf.take(n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return buf.done(b)
}

// giveWayParts are the words before and after the replacement's code and
// title (" (" between them, ")" closing the title before after) in the
// reason why; "", "" for an unknown why.
func giveWayParts(why giveWhy) (before, after string) {
	switch why {
	case whyComplication:
		return "the note documents ", "), a complication in the same category"
	case whyExplained:
		return "the reason for the visit or study, explained by ", ") in the note's conclusion: not coded separately"
	case whyIntegral:
		return "a sign or symptom routinely part of ", "), which the note documents: not coded separately"
	case whyNamed:
		return "a sign or symptom named by ", "), which the note documents: not coded separately"
	case whyMore:
		return "the note documents ", "), which says more"
	}
	return "", ""
}

// giveWayReasonIn is giveWayReason carved from buf (TestGiveWayReason
// holds the two equal).
func giveWayReasonIn(why giveWhy, bb *corpus.Brief, buf *reasonBuf) string {
	before, after := giveWayParts(why)
	if before == "" {
		return ""
	}
	return joinIn(buf, before, bb.Code, " (", bb.Display, after)
}

// excludedBy is the reason of a code giving way under Excludes1 to code,
// ranked higher and documented as well or better, carved from buf.
func excludedBy(code string, buf *reasonBuf) string {
	return joinIn(buf, "Excludes1 with ", code, ", which ranks higher and is documented as well or better")
}

// excludedFor is the reason of a kept code giving way under Excludes1 to
// the code of brief b, which the note documents more specifically,
// carved from buf.
func excludedFor(b *corpus.Brief, buf *reasonBuf) string {
	return joinIn(buf, "Excludes1 with ", b.Code, " (", b.Display, "), which the note documents more specifically")
}
