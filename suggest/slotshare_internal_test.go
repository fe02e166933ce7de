package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
)

// TestShareSlots: slot tables laid over shared arrays answer every
// lookup as the tables built alone do (title terms and offsets, slots,
// records with their value sets, alt keys), hold their common entries
// once, and keep what differs (a retitled code, a slot one release's
// titles make) their own.
func TestShareSlots(t *testing.T) {
	set, ix := slotFixture(t)
	// The later release retitles two codes: N19 becomes acute kidney
	// disease (a new value of the slot before kidney disease) and H16.339
	// loses its eye.
	var codes []*corpus.Code
	for _, c := range set.Codes(corpus.ICD10CM) {
		switch c.Code {
		case "N19":
			c.Display = "Acute kidney disease, unspecified"
		case "H16.339":
			c.Display = "Sclerosing keratitis"
		}
		codes = append(codes, c)
	}
	later := corpus.NewSet(codes, nil)
	built := []*slotTable{buildSlots(set, ix), buildSlots(later, ix)}
	shared := []*slotTable{buildSlots(set, ix), buildSlots(later, ix)}
	shareSlots(shared)
	if &shared[0].terms[0] != &shared[1].terms[0] || &shared[0].rec[0] != &shared[1].rec[0] {
		t.Fatal("the tables do not share their arrays")
	}
	if len(shared[1].terms) >= len(built[0].terms)+len(built[1].terms) {
		t.Errorf("shared terms %d, built alone %d + %d: nothing held once", len(shared[1].terms), len(built[0].terms), len(built[1].terms))
	}
	keys := map[uint64]bool{}
	for _, st := range built {
		for k := range st.alt {
			keys[k] = true
		}
	}
	n19, _ := set.ID(corpus.ICD10CM, "N19")
	if _, _, ok := built[0].spans(n19); ok == false {
		t.Fatal("fixture: N19 has no title terms")
	}
	for r := range built {
		want, got := built[r], shared[r]
		for id := corpus.ID(0); int(id) <= int(maxID(set))+1; id++ {
			wt, ws, wok := want.spans(id)
			gt, gs, gok := got.spans(id)
			if wok != gok || !slices.Equal(want.terms[wt[0]:wt[0]+wt[1]], got.terms[gt[0]:gt[0]+gt[1]]) ||
				!slices.Equal(want.at[wt[0]:wt[0]+wt[1]], got.at[gt[0]:gt[0]+gt[1]]) ||
				!slices.Equal(want.slots[ws[0]:ws[0]+ws[1]], got.slots[gs[0]:gs[0]+gs[1]]) {
				t.Errorf("release %d, id %d: terms or slots differ", r, id)
			}
			var wr, gr uint32
			if int(id) < len(want.dense) {
				wr = want.dense[id].rec
			}
			if int(id) < len(got.dense) {
				gr = got.dense[id].rec
			}
			if (wr == 0) != (gr == 0) || wr > 0 && !sameRecord(want, wr-1, got, gr-1) {
				t.Errorf("release %d, id %d: records differ", r, id)
			}
		}
		for k := range keys {
			if want.hasAlt(k) != got.hasAlt(k) {
				t.Errorf("release %d: hasAlt(%x) %v, built alone %v", r, k, got.hasAlt(k), want.hasAlt(k))
			}
		}
	}
	own := 0
	for k := range built[1].alt {
		if _, ok := built[0].alt[k]; !ok {
			own++
		}
	}
	if own == 0 || len(shared[1].altOwn) != own {
		t.Errorf("the later release holds %d alt keys of its own, %d kept apart", own, len(shared[1].altOwn))
	}
}
