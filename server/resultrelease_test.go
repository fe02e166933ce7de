package server

import (
	"context"
	"encoding/base64"
	"strings"
	"sync"
	"testing"

	"medcode/suggest"
)

// releasingEngine is fakeEngine with Release: it counts the results
// handed back and scrambles them, as the real engine's reuse would.
type releasingEngine struct {
	*fakeEngine
	mu       sync.Mutex
	made     map[*suggest.Result]int // results handed out: releases seen
	released int
}

func (r *releasingEngine) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	res, err := r.fakeEngine.Suggest(ctx, req)
	if res != nil {
		r.mu.Lock()
		r.made[res] = 0
		r.mu.Unlock()
	}
	return res, err
}

func (r *releasingEngine) Release(res *suggest.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.made[res]++
	r.released++
	for i := range res.Suggestions {
		res.Suggestions[i].Code = "SCRAMBLED"
	}
}

// TestReleaseAfterResponse: a result the engine can reuse is handed back
// once, after its answer is written: the answers of /v1/suggest, the
// batch endpoint and the CDS service carry the codes, not what Release
// wrote over them.
func TestReleaseAfterResponse(t *testing.T) {
	rel := &releasingEngine{made: map[*suggest.Result]int{}}
	f := newFixture(t, func(o *Options) {
		rel.fakeEngine = o.Engine.(*fakeEngine)
		o.Engine = rel
	})
	text := "Patient with diabetes and hypertension."
	data := base64.StdEncoding.EncodeToString([]byte(text))
	for _, tt := range []struct{ name, path, body string }{
		{"suggest", "/v1/suggest", `{"text":` + jsonString(text) + `}`},
		{"batch", "/v1/suggest/batch", `{"notes":[{"text":` + jsonString(text) + `},{"text":"hypertension"}]}`},
		{"cds", "/cds-services/medcode-coding", cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"`+data+`"}}]}`, "")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := f.do(t, "POST", tt.path, tt.body)
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if body := w.Body.String(); !strings.Contains(body, "I10") || strings.Contains(body, "SCRAMBLED") {
				t.Errorf("answer written after release, or without the codes: %s", body)
			}
		})
	}
	rel.mu.Lock()
	defer rel.mu.Unlock()
	if len(rel.made) != 4 || rel.released != 4 {
		t.Errorf("%d results made, %d releases; want 4 each", len(rel.made), rel.released)
	}
	for res, n := range rel.made {
		if n != 1 {
			t.Errorf("result %p released %d times", res, n)
		}
	}
}
