package suggest

import (
	"context"
	"reflect"
	"testing"

	"medcode/internal/testenv"
)

// TestReleaseClearsArena holds Release's partial clearing (each array up
// to what the note wrote) to the whole: after every Release, every array
// of the arena is zero over its whole capacity, for dev notes alone and
// joined (more suggestions, rejections and evidence than the one before),
// at several result sizes, in both settings, with and without
// annotation. It fails when an array's writer writes past what Release
// clears (checked: clearing one suggestion short fails it).
func TestReleaseClearsArena(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	e := ownEngine(t)
	notes := devNotesJoined(t, 40)
	ctx := context.Background()
	written := 0
	for i, note := range notes {
		req := Request{Text: note, MaxResults: []int{0, 3, 20, 150}[i%4], Annotate: i%3 == 0}
		if i%5 == 0 {
			req.Setting = Inpatient
		}
		res, err := e.Suggest(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		a := res.arena
		written += len(res.Suggestions) + len(res.Rejected)
		e.Release(res)
		for name, s := range map[string]any{"sugs": a.sugs, "evs": a.evs, "parts": a.parts, "alts": a.alts,
			"rej": a.rej, "rejEvs": a.rejEvs, "more": a.more, "edits": a.edits} {
			v := reflect.ValueOf(s)
			if v.Len() != 0 {
				t.Fatalf("note %d: released %s has length %d", i, name, v.Len())
			}
			v = v.Slice(0, v.Cap())
			for j := range v.Len() {
				if !v.Index(j).IsZero() {
					t.Fatalf("note %d: released %s[%d] of %d not zero: %+v", i, name, j, v.Len(), v.Index(j).Interface())
				}
			}
		}
	}
	if written == 0 {
		t.Fatal("no note wrote a suggestion or rejection: the test reads nothing")
	}
}
