package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"medcode/corpus"
	"medcode/suggest"
)

// suggestBody is the JSON of one note to code.
type suggestBody struct {
	ID            string   `json:"id,omitempty"` // batch only: echoed back
	Text          string   `json:"text"`
	Systems       []string `json:"systems,omitempty"`
	Setting       string   `json:"setting,omitempty"`
	MaxResults    int      `json:"maxResults,omitempty"`
	MinConfidence float64  `json:"minConfidence,omitempty"`
	DateOfService string   `json:"dateOfService,omitempty"`
	Release       string   `json:"release,omitempty"` // ICD-10-CM release by name, instead of by date
}

// request validates b and turns it into an engine request. Errors are
// client errors, phrased for the problem detail.
func (b *suggestBody) request() (suggest.Request, error) {
	var req suggest.Request
	if strings.TrimSpace(b.Text) == "" {
		return req, errors.New("text is empty")
	}
	if err := suggest.CheckNote(b.Text); err != nil {
		return req, noteError{err}
	}
	req.Text = b.Text
	seen := map[corpus.System]bool{}
	for _, name := range b.Systems {
		sys, err := corpus.ParseSystem(name)
		if err != nil {
			return req, fmt.Errorf("unknown system %q (want icd10cm, cpt or hcpcs)", name)
		}
		if !seen[sys] {
			seen[sys] = true
			req.Systems = append(req.Systems, sys)
		}
	}
	switch strings.ToLower(b.Setting) {
	case "", string(suggest.Outpatient):
		req.Setting = suggest.Outpatient
	case string(suggest.Inpatient):
		req.Setting = suggest.Inpatient
	default:
		return req, fmt.Errorf("unknown setting %q (want outpatient or inpatient)", b.Setting)
	}
	if b.MaxResults < 0 || b.MaxResults > 500 {
		return req, fmt.Errorf("maxResults %d is out of range 0..500", b.MaxResults)
	}
	req.MaxResults = b.MaxResults
	if !(b.MinConfidence >= 0 && b.MinConfidence <= 1) {
		return req, fmt.Errorf("minConfidence %v is out of range 0..1", b.MinConfidence)
	}
	req.MinConfidence = b.MinConfidence
	if b.DateOfService != "" {
		d, err := time.Parse(time.DateOnly, b.DateOfService)
		if err != nil {
			return req, fmt.Errorf("dateOfService %q is not a date (want YYYY-MM-DD)", b.DateOfService)
		}
		req.DateOfService = d
	}
	req.Release = strings.TrimSpace(b.Release)
	return req, nil
}

// suggestResponse is a suggest.Result with the id feedback refers to.
type suggestResponse struct {
	ID        string `json:"id,omitempty"`
	RequestID string `json:"requestId"`
	*suggest.Result
}

// decodeSuggest reads and validates the body of POST /v1/suggest.
func decodeSuggest(c *gin.Context) (suggest.Request, bool) {
	var b suggestBody
	if err := decodeJSON(c.Request.Body, &b, true); err != nil {
		bodyError(c, err)
		return suggest.Request{}, false
	}
	req, err := b.request()
	if err != nil {
		requestError(c, "", err)
		return req, false
	}
	return req, true
}

// noteError is a suggest.CheckNote failure of a note in a request body.
type noteError struct{ err error }

func (e noteError) Error() string { return "text: " + noteProblem(e.err) }
func (e noteError) Unwrap() error { return e.err }

// requestError answers a suggestBody.request error; prefix names the note
// of a batch ("notes[3]: ").
func requestError(c *gin.Context, prefix string, err error) {
	if errors.Is(err, suggest.ErrNoteTooLarge) {
		problem(c, http.StatusRequestEntityTooLarge, "too-large", "Note too large", prefix+err.Error())
		return
	}
	badRequest(c, prefix+err.Error())
}

func bodyError(c *gin.Context, err error) {
	switch {
	case errors.Is(err, errTooLarge):
		problem(c, http.StatusRequestEntityTooLarge, "too-large", "Request body too large", "the body is larger than 100 KB")
	case errors.Is(err, errBodyTimeout):
		problem(c, http.StatusRequestTimeout, "body-timeout", "Request body too slow", "the body did not arrive within the body timeout")
	default:
		badRequest(c, err.Error())
	}
}

func (s *Server) suggest(c *gin.Context) {
	req, ok := decodeSuggest(c)
	if !ok {
		return
	}
	id := requestID(c)
	res, err := s.run(c.Request.Context(), id, req, false)
	if err != nil {
		s.fail(c, "suggest", err)
		return
	}
	respond(c, http.StatusOK, suggestResponse{RequestID: id, Result: res})
	s.release(res)
}

// release hands res back to the engine for reuse (suggest.Releaser), once
// the response is written and nothing reads res any more.
func (s *Server) release(res *suggest.Result) {
	if r, ok := s.engine.(suggest.Releaser); ok {
		r.Release(res)
	}
}

// run asks the engine once admitted (admission.go; batch notes wait for
// a slot beyond the queue bound), fills empty lists so JSON has [] not
// null, records the metrics and remembers the codes' matched terms under
// id.
func (s *Server) run(ctx context.Context, id string, req suggest.Request, batch bool) (*suggest.Result, error) {
	release, err := s.admit.acquire(ctx, batch)
	if err != nil {
		if errors.Is(err, ErrOverloaded) {
			s.metrics.overloaded.Inc()
		}
		return nil, err
	}
	defer release() // also when the engine panics (recoverPanic answers 500)
	res, err := s.engine.Suggest(ctx, req)
	if err != nil {
		return nil, err
	}
	if res == nil {
		return nil, errors.New("server: engine returned no result")
	}
	if res.Suggestions == nil {
		res.Suggestions = []suggest.Suggestion{}
	}
	if res.Rejected == nil {
		res.Rejected = []suggest.Rejection{}
	}
	if res.CodeSets == nil {
		res.CodeSets = map[string]suggest.CodeSet{}
	}
	s.metrics.suggestions.Observe(float64(len(res.Suggestions)))
	s.requests.put(id, res.Suggestions)
	return res, nil
}

// matchedTerms lists the distinct code names that matched the evidence:
// never note text.
func matchedTerms(ev []suggest.Evidence) []string {
	return appendMatchedTerms(nil, ev)
}

// appendMatchedTerms appends matchedTerms(ev) to dst. A suggestion has a
// handful of evidence spans: a scan of what is kept so far dedupes them
// without a map.
func appendMatchedTerms(dst []string, ev []suggest.Evidence) []string {
	n := len(dst)
	for i := range ev {
		// By index: an Evidence is ten words, of which Matched is one.
		if m := ev[i].Matched; m != "" && !slices.Contains(dst[n:], m) {
			dst = append(dst, m)
		}
	}
	return dst
}

// batchBody is the JSON of POST /v1/suggest/batch.
type batchBody struct {
	Notes []suggestBody `json:"notes"`
}

func (s *Server) suggestBatch(c *gin.Context) {
	var b batchBody
	if err := decodeJSON(c.Request.Body, &b, true); err != nil {
		bodyError(c, err)
		return
	}
	switch {
	case len(b.Notes) == 0:
		badRequest(c, "notes is empty")
		return
	case len(b.Notes) > MaxBatch:
		badRequest(c, fmt.Sprintf("%d notes; at most %d per batch", len(b.Notes), MaxBatch))
		return
	}
	reqs := make([]suggest.Request, len(b.Notes))
	for i := range b.Notes {
		r, err := b.Notes[i].request()
		if err != nil {
			requestError(c, fmt.Sprintf("notes[%d]: ", i), err)
			return
		}
		reqs[i] = r
	}
	base := requestID(c)
	out := make([]suggestResponse, len(reqs))
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range reqs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			defer func() {
				if v := recover(); v != nil {
					errs[i] = fmt.Errorf("server: engine panicked (%T)", v)
				}
			}()
			id := fmt.Sprintf("%s-%d", base, i)
			res, err := s.run(c.Request.Context(), id, reqs[i], true)
			out[i], errs[i] = suggestResponse{ID: b.Notes[i].ID, RequestID: id, Result: res}, err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			s.fail(c, fmt.Sprintf("suggest for notes[%d]", i), err)
			return
		}
	}
	respond(c, http.StatusOK, gin.H{"results": out})
	for _, o := range out {
		s.release(o.Result)
	}
}
