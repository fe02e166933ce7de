package server

import (
	"encoding/json"
	"math"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"medcode/suggest"
)

// TestRespondMatchesEncodingJSON: respond's encoder writes the bytes
// encoding/json writes for results with awkward strings and numbers.
func TestRespondMatchesEncodingJSON(t *testing.T) {
	gin.SetMode(gin.TestMode)
	res := &suggest.Result{
		Suggestions: []suggest.Suggestion{{
			System: "ICD-10-CM", Code: "E11.9", Display: "Type 2 <diabetes> & \"friends\" \u2028 é ☃ \x01",
			Confidence: 0.9121, Score: 1e-7, Billable: true,
			Evidence:    []suggest.Evidence{{Start: 3, End: 9, Text: "a\tb\nc</script>", Section: "assessment"}},
			Features:    []float64{0, -0, 1.5, 1e21, 123456789.125, math.SmallestNonzeroFloat64, 0.1 + 0.2},
			Explanation: suggest.Explanation{Value: -2.404, Message: "matched \"x\"", Children: []suggest.Explanation{{Value: 13}}},
		}},
		Rejected: []suggest.Rejection{{System: "ICD-10-CM", Code: "R07.9", Rule: "negated"}},
		CodeSets: map[string]suggest.CodeSet{"b": {}, "a": {}},
	}
	for name, v := range map[string]any{
		"result":   suggestResponse{RequestID: "r1", Result: res},
		"map":      gin.H{"z": 1, "a": []string{"x"}, "m": nil},
		"empty":    struct{}{},
		"problem":  Problem{Type: "about:blank", Title: "Bad Request", Status: 400, Detail: "text <is> empty"},
		"floats":   []float64{1e20, 1e21, 1e-6, 1e-7, 100, 0.000001234},
		"nilSlice": []suggest.Suggestion(nil),
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(w)
		respond(c, 200, v)
		if got := w.Body.Bytes(); string(got) != string(want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: content type %q", name, ct)
		}
	}
}

// TestRenderHeaders: Render's Content-Type (kept when set before) and
// Content-Length share one array, each header a slice of capacity one,
// so adding to one leaves the other whole.
func TestRenderHeaders(t *testing.T) {
	for _, preset := range []string{"", "application/problem+json"} {
		w := httptest.NewRecorder()
		if preset != "" {
			w.Header().Set("Content-Type", preset)
		}
		if err := (jsonBody{v: gin.H{"status": "ok"}}).Render(w); err != nil {
			t.Fatal(err)
		}
		wantCT := preset
		if wantCT == "" {
			wantCT = jsonContentType
		}
		h := w.Header()
		if cap(h["Content-Type"]) != 1 && preset == "" || cap(h["Content-Length"]) != 1 {
			t.Errorf("capacities %d, %d", cap(h["Content-Type"]), cap(h["Content-Length"]))
		}
		h.Add("Content-Type", "x")
		if got := h.Values("Content-Type"); len(got) != 2 || got[0] != wantCT || got[1] != "x" {
			t.Errorf("Content-Type %q", got)
		}
		if got := h.Values("Content-Length"); len(got) != 1 || got[0] != "15" {
			t.Errorf("Content-Length %q, body %q", got, w.Body.String())
		}
	}
}
