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
	code := corpus.NormalizeCode(sys, b.Code)
	if set := s.codeSet(); set != nil {
		if _, ok := set.Lookup(sys, code); !ok {
			problem(c, http.StatusNotFound, "unknown-code", "Unknown code", fmt.Sprintf("%s has no code %q", sys, b.Code))
			return
		}
	}
	var terms []string
	if rt, ok := s.requests.get(b.RequestID); ok {
		terms = s.feedbackTerms(rt.names(string(sys), code))
	}
	e, err := s.store.Add(c.Request.Context(), feedback.Event{
		RequestID: b.RequestID, System: string(sys), Code: code, Action: b.Action,
		Reason: b.Reason, User: b.User, Terms: terms,
	})
	if err != nil {
		s.fail(c, "store feedback", err)
		return
	}
	respond(c, http.StatusCreated, e)
}

func (s *Server) feedbackStats(c *gin.Context) {
	st, err := s.store.Stats(c.Request.Context())
	if err != nil {
		s.fail(c, "feedback stats", err)
		return
	}
	respond(c, http.StatusOK, st)
}
