package server

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"medcode/corpus"
	"medcode/feedback"
	"medcode/suggest"
)

// Problem is an RFC 9457 problem detail, the body of every error.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// problemType is the URI naming a kind of problem.
func problemType(slug string) string { return "urn:medcode:problem:" + slug }

// problem writes a problem+json answer and aborts the handler chain.
func problem(c *gin.Context, status int, slug, title, detail string) {
	c.Header("Content-Type", "application/problem+json")
	c.AbortWithStatusJSON(status, Problem{Type: problemType(slug), Title: title, Status: status, Detail: detail})
	// AbortWithStatusJSON sets application/json; put ours back.
	c.Writer.Header().Set("Content-Type", "application/problem+json")
}

// badRequest answers 400 with detail naming the problem.
func badRequest(c *gin.Context, detail string) {
	problem(c, http.StatusBadRequest, "invalid-request", "Invalid request", detail)
}

// fail maps an error from the engine, the code sets or the store onto a
// status: client mistakes are 4xx, a missing engine, a full engine queue or
// a deadline 503, the rest 500 (without the error text, which may come from
// deep layers).
func (s *Server) fail(c *gin.Context, what string, err error) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		problem(c, http.StatusRequestEntityTooLarge, "too-large", "Request body too large", "the body is larger than 100 KB")
	case errors.Is(err, suggest.ErrNoteTooLarge):
		problem(c, http.StatusRequestEntityTooLarge, "too-large", "Note too large", noteProblem(err))
	case errors.Is(err, suggest.ErrEmptyNote), errors.Is(err, suggest.ErrBinaryNote),
		errors.Is(err, suggest.ErrUnknownSystem), errors.Is(err, suggest.ErrBadSetting):
		badRequest(c, noteProblem(err))
	case errors.Is(err, feedback.ErrInvalid):
		badRequest(c, err.Error())
	case errors.Is(err, feedback.ErrKeyReused):
		problem(c, http.StatusConflict, "key-reused", "Idempotency key reused", err.Error())
	case errors.Is(err, corpus.ErrUnknownCode):
		problem(c, http.StatusNotFound, "unknown-code", "Unknown code", err.Error())
	case errors.Is(err, corpus.ErrNotCovered), errors.Is(err, corpus.ErrUnknownRelease):
		badRequest(c, err.Error())
	case errors.Is(err, ErrNotReady):
		c.Header("Retry-After", "5")
		problem(c, http.StatusServiceUnavailable, "not-ready", "Not ready", "the engine is still loading; retry shortly")
	case errors.Is(err, ErrOverloaded):
		c.Header("Retry-After", "1")
		problem(c, http.StatusServiceUnavailable, "overloaded", "Overloaded", "the engine is busy with other notes; retry shortly")
	case errors.Is(err, context.DeadlineExceeded):
		problem(c, http.StatusServiceUnavailable, "timeout", "Request timed out", what+" took longer than the request timeout")
	case errors.Is(err, context.Canceled):
		problem(c, 499, "canceled", "Request canceled", "the client went away")
	default:
		s.log.Error("request failed", "requestId", requestID(c), "what", what, "err", err)
		problem(c, http.StatusInternalServerError, "internal", "Internal error", what+" failed")
	}
}

// noteProblem phrases an engine's request error for a problem detail:
// the sentinel's own words (with what the engine wrapped around them,
// never note text: the engine names systems and settings only).
func noteProblem(err error) string {
	for _, e := range []error{suggest.ErrEmptyNote, suggest.ErrBinaryNote, suggest.ErrNoteTooLarge} {
		if errors.Is(err, e) {
			return strings.TrimPrefix(e.Error(), "suggest: ")
		}
	}
	return strings.TrimPrefix(err.Error(), "suggest: ")
}
