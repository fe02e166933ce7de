package suggest

import "slices"

// statesScanMax is the most pairs of mentions statesAround compares one by
// one; past it (a phrase repeated through a long note) it indexes d's
// names by position.
const statesScanMax = 1024

// statesAroundByPosition is statesAroundScan in time linear in the
// mentions' positions: a name of d holding all of a mention's positions
// holds its first, so only d's names holding that position are compared.
func statesAroundByPosition(d, c *candidate) bool {
	at := map[int32][]int32{} // position -> d's full names holding it
	anyName := false          // a full name with a position: it holds a mention of none
	for k := range d.mentions {
		o := &d.mentions[k]
		if o.learned || o.hit.Coverage < 0.99 || o.partNeg != 0 { // statesAroundScan's test
			continue
		}
		anyName = anyName || len(o.hit.Positions) > 0
		for _, p := range o.hit.Positions {
			at[p] = append(at[p], int32(k)) // a repeated position lists k twice: harmless
		}
	}
	for i := range c.mentions {
		m := &c.mentions[i]
		if len(m.hit.Positions) == 0 {
			if !anyName {
				return false
			}
			continue
		}
		found := false
		for _, k := range at[m.hit.Positions[0]] {
			o := &d.mentions[k]
			if len(o.hit.Positions) > len(m.hit.Positions) && holdsPositions(o.hit.Positions, m.hit.Positions[1:]) {
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

// holdsPositions reports whether every position of ps is among those of o.
func holdsPositions(o, ps []int32) bool {
	for _, p := range ps {
		if !slices.Contains(o, p) {
			return false
		}
	}
	return true
}
