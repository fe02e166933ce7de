package suggest

// letterPlaces walks the places of an ASCII letter in either case in a
// text, in order of place: one strings.IndexByte cursor per case, the
// nearer taken each step. A scan for words sharing a rare letter reads
// the text only there (acuityWords, mentionsBMI).
type letterPlaces struct {
	s      string
	lo, up int  // the next place of the lower- and upper-case letter, -1 for none
	l, u   byte // the letter in lower and upper case
}

// newLetterPlaces returns the walk of lower (a lower-case ASCII letter)
// and its upper case through s.
func newLetterPlaces(s string, lower byte) letterPlaces {
	upper := lower - ('a' - 'A')
	return letterPlaces{s: s, l: lower, u: upper, lo: byteFrom(s, 0, lower), up: byteFrom(s, 0, upper)}
}

// next returns the next place of the letter, -1 past the last.
func (p *letterPlaces) next() int {
	if p.lo < 0 || p.up >= 0 && p.up < p.lo {
		j := p.up
		if j >= 0 {
			p.up = byteFrom(p.s, j+1, p.u)
		}
		return j
	}
	j := p.lo
	p.lo = byteFrom(p.s, j+1, p.l)
	return j
}
