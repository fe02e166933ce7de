package server

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"medcode/corpus"
	"medcode/feedback"
)

// feedbackBody is the JSON of POST /v1/feedback.
type feedbackBody struct {
	RequestID string `json:"requestId"`
	System    string `json:"system"`
	Code      string `json:"code"`
	Action    string `json:"action"`
	Reason    string `json:"reason,omitempty"`
	User      string `json:"user,omitempty"`
}

// addFeedback stores one coder action. It is bound to what this server
// answered: requestId must name a recent suggest answer, and an accepted or
// rejected code must be one that answer suggested (any valid code may be
// added). An Idempotency-Key header makes a retry a no-op: the stored event
// comes back with 200 instead of 201.
func (s *Server) addFeedback(c *gin.Context) {
	var b feedbackBody
	if err := decodeJSON(c.Request.Body, &b, true); err != nil {
		bodyError(c, err)
		return
	}
	if strings.TrimSpace(b.RequestID) == "" {
		badRequest(c, "requestId is empty")
		return
	}
	sys, err := corpus.ParseSystem(b.System)
	if err != nil {
		badRequest(c, fmt.Sprintf("unknown system %q (want icd10cm, cpt or hcpcs)", b.System))
		return
	}
	if strings.TrimSpace(b.Code) == "" {
		badRequest(c, "code is empty")
		return
	}
	key := c.GetHeader("Idempotency-Key")
	if strings.HasPrefix(key, "cds:") {
		badRequest(c, "Idempotency-Key must not start with cds: (the CDS Hooks feedback keys)")
		return
	}
	set := s.codeSet()
	if set == nil {
		// Codes cannot be checked until the engine has loaded.
		s.fail(c, "feedback", ErrNotReady)
		return
	}
	code := corpus.NormalizeCode(sys, b.Code)
	if _, ok := set.Lookup(sys, code); !ok {
		problem(c, http.StatusNotFound, "unknown-code", "Unknown code", fmt.Sprintf("%s has no code %q", sys, b.Code))
		return
	}
	names, suggested, ok := s.requests.lookup(b.RequestID, string(sys), code)
	if !ok {
		problem(c, http.StatusNotFound, "unknown-request", "Unknown request",
			fmt.Sprintf("no recent suggest answer has requestId %q: feedback must follow a suggest answer of this server", b.RequestID))
		return
	}
	if !suggested && (b.Action == feedback.Accepted || b.Action == feedback.Rejected) {
		problem(c, http.StatusUnprocessableEntity, "not-suggested", "Code not suggested",
			fmt.Sprintf("request %q did not suggest %s %s: only suggested codes can be %s (use action added)", b.RequestID, sys, code, b.Action))
		return
	}
	e, err := s.store.Add(c.Request.Context(), feedback.Event{
		RequestID: b.RequestID, System: string(sys), Code: code, Action: b.Action,
		Reason: b.Reason, User: b.User, Terms: s.feedbackTerms(names), Key: key,
	})
	if err != nil {
		s.fail(c, "store feedback", err)
		return
	}
	status := http.StatusCreated
	if e.Replayed {
		status = http.StatusOK
	}
	respond(c, status, e)
}

func (s *Server) feedbackStats(c *gin.Context) {
	st, err := s.store.Stats(c.Request.Context())
	if err != nil {
		s.fail(c, "feedback stats", err)
		return
	}
	respond(c, http.StatusOK, st)
}
