package suggest

// neoScratch is neoSites' scratch memory in the pooled work struct
// (work.neo): the stems of one sentence as ids of the engine's Neoplasm
// Table (neoTable.stemID), stamped per sentence so that nothing is
// cleared between sentences or notes. It holds no strings and no
// per-note references: stale entries read as absent, putWork keeps it.
type neoScratch struct {
	// first[id] is the first token of stem id in the sentence when
	// stemGen[id] == gen; ids lists the sentence's stems in token order.
	first   []int32
	stemGen []uint32
	ids     []int32
	// rowGen[r] == gen: row r has been tried in the sentence.
	rowGen []uint32
	gen    uint32
}

// start begins a sentence over a table of stems stem ids and rows rows.
func (s *neoScratch) start(stems, rows int) {
	if len(s.first) < stems || len(s.rowGen) < rows {
		s.first = make([]int32, stems)
		s.stemGen = make([]uint32, stems)
		s.rowGen = make([]uint32, rows)
		s.gen = 0
	}
	s.ids = s.ids[:0]
	s.gen++
	if s.gen == 0 { // wrapped: old stamps could read as this one
		clear(s.stemGen)
		clear(s.rowGen)
		s.gen = 1
	}
}

// has says whether the sentence holds stem id.
func (s *neoScratch) has(id int32) bool { return s.stemGen[id] == s.gen }

// set records token tok for stem id, listing the stem on first sight.
func (s *neoScratch) set(id int32, tok int) {
	if s.stemGen[id] != s.gen {
		s.stemGen[id] = s.gen
		s.ids = append(s.ids, id)
	}
	s.first[id] = int32(tok)
}
