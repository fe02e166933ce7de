package suggest_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"medcode/suggest"
)

// Warming an engine builds its first-use tables and changes no output:
// each sample note codes the same on a cold engine and after Warm.
func TestWarmChangesNoOutput(t *testing.T) {
	t.Parallel()
	eng := withModel(t, nil) // a fresh engine: its per-engine tables are cold
	ctx := context.Background()
	cold := map[string][]byte{}
	for name, text := range notes(t) {
		res, err := eng.Suggest(ctx, suggest.Request{Text: text, Setting: suggest.Inpatient})
		if err != nil {
			t.Fatal(err)
		}
		cold[name], _ = json.Marshal(res)
	}
	if err := eng.Warm(ctx); err != nil {
		t.Fatalf("Warm: %v", err)
	}
	for name, text := range notes(t) {
		res, err := eng.Suggest(ctx, suggest.Request{Text: text, Setting: suggest.Inpatient})
		if err != nil {
			t.Fatal(err)
		}
		if warm, _ := json.Marshal(res); string(warm) != string(cold[name]) {
			t.Errorf("%s: output after Warm differs from the cold engine's", name)
		}
	}
}

func TestWarmCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := engine(t).Warm(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Warm with a canceled context: %v, want context.Canceled", err)
	}
}
