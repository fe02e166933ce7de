package suggest

// ruleScratch is the coding rules' scratch memory in the pooled work
// struct (work.rules): reused from sentence to sentence and note to note,
// emptied by putWork.
type ruleScratch struct {
	// neoHave maps each stem of a sentence to its first token, and
	// neoSeen stamps the neoplasm rows a sentence has been tried for
	// (neoSeen[row] == neoGen), in neoSites (neoplasm.go).
	neoHave map[string]int
	neoSeen []uint32
	neoGen  uint32
}

// reset empties s for the next note: the stems of the last sentence go
// (they point into its analysis); the row stamps stay valid.
func (s *ruleScratch) reset() {
	clear(s.neoHave)
}

// neoRows starts a sentence of neoSites over rows neoplasm rows: the
// emptied stem map and the stamp marking rows seen in this sentence.
func (s *ruleScratch) neoRows(rows int) (map[string]int, []uint32, uint32) {
	if s.neoHave == nil {
		s.neoHave = map[string]int{}
	}
	clear(s.neoHave)
	if len(s.neoSeen) < rows {
		s.neoSeen = make([]uint32, rows)
		s.neoGen = 0
	}
	s.neoGen++
	if s.neoGen == 0 { // wrapped: old stamps could read as this one
		clear(s.neoSeen)
		s.neoGen = 1
	}
	return s.neoHave, s.neoSeen, s.neoGen
}
