package suggest

import (
	"math"
	"slices"
)

// yieldDominated keeps a code whose every mention lies inside a longer
// name the note states in full below the code of that longer name: the
// bare main term "Infection" (B99.9, unspecified infectious disease) in
// "COVID-19 infection" yields to U07.1, "pain" to "chest pain", whatever
// the training notes' priors say. A prior breaks ties; it never ranks a
// catch-all above the specific name the note documents. The longer name's
// code must itself be suggested (in ks): a rejected one gives nothing to
// yield to.
func (e *Engine) yieldDominated(ks []scored) {
	var full []bool // a candidate with a fully matched name of its own, lazily
	// Two passes: a code that yields to a name which itself yields to a
	// longer one ("infection" in "TB infection" in "Latent TB
	// infection") yields to the longest in the second.
	for pass := 0; pass < 2; pass++ {
		full = e.yieldPass(ks, full)
	}
}

// yieldPass is one pass of yieldDominated; it returns full for the next.
func (e *Engine) yieldPass(ks []scored, full []bool) []bool {
	for i := range ks {
		k := &ks[i]
		if !allDominated(k.c) {
			continue
		}
		if full == nil {
			full = make([]bool, len(ks))
			for j := range ks {
				full[j] = statesInFull(ks[j].c)
			}
		}
		best := -1
		for j := range ks {
			if j == i || !full[j] || ks[j].code == k.code || !statesAround(ks[j].c, k.c) {
				continue
			}
			if best < 0 || ks[j].conf > ks[best].conf || ks[j].conf == ks[best].conf && ks[j].z > ks[best].z {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		if d := ks[best]; k.conf > d.conf || k.conf == d.conf && k.z >= d.z {
			k.conf = round(math.Max(0, d.conf-0.0001), 4)
			k.z = round(d.z-1e-6, 6)
		}
	}
	return full
}

// statesInFull reports whether c has a mention statesAround can take: a
// fully matched, not learned, not partly negated name.
func statesInFull(c *candidate) bool {
	for i := range c.mentions {
		if o := &c.mentions[i]; !o.learned && o.hit.Coverage >= 0.99 && o.partNeg == 0 {
			return true
		}
	}
	return false
}

// allDominated reports whether every mention of c that matched a name of
// the code set is dominated, and one did. A learned phrase's span is not
// compared with code-set names when it is found ("TB" for A15.9 inside
// "Latent TB infection"): statesAround checks it by its words.
func allDominated(c *candidate) bool {
	named := false
	for _, m := range c.mentions {
		if m.learned {
			continue
		}
		if !m.dominated {
			return false
		}
		named = true
	}
	return named
}

// statesAround reports whether every mention of c lies inside a fully
// matched, longer name of d that the note does not partly negate.
func statesAround(d, c *candidate) bool {
	// By index: a mention is too large to copy per pair.
	for i := range c.mentions {
		m := &c.mentions[i]
		found := false
		for k := range d.mentions {
			o := &d.mentions[k]
			if o.learned || o.hit.Coverage < 0.99 || o.partNeg != 0 || len(o.hit.Positions) <= len(m.hit.Positions) {
				continue
			}
			inside := true
			for _, p := range m.hit.Positions {
				if !slices.Contains(o.hit.Positions, p) {
					inside = false
					break
				}
			}
			if inside {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
