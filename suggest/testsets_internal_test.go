package suggest

import (
	"context"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// testCodeSet loads the code sets of the test data, for a test that
// needs the set but not a whole engine.
func testCodeSet(t testing.TB) *corpus.Set {
	t.Helper()
	set, err := corpus.Load(context.Background(), corpus.Options{Dir: testenv.DataDir(t) + "/codesets"})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// codeIDsAndPast lists every code id of set, system by system, then two
// ids past the largest: the ids a per-code table holds and two it does
// not.
func codeIDsAndPast(set *corpus.Set) []corpus.ID {
	var ids []corpus.ID
	for _, sys := range set.Systems() {
		ids = append(ids, set.IDs(sys)...)
	}
	top := maxID(set)
	return append(ids, top+1, top+1000)
}
