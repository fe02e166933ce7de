package feedback

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"medcode/corpus"
)

// Actions a coder can take on a code.
const (
	Accepted = "accepted" // a suggested code kept
	Rejected = "rejected" // a suggested code removed (CDS Hooks "overridden")
	Added    = "added"    // a code the coder added by hand
)

// ErrInvalid marks an event that cannot be stored; the HTTP layer maps it
// onto 400.
var ErrInvalid = errors.New("invalid feedback event")

// ErrKeyReused marks an event whose idempotency key was stored before with
// a different request id, system, code or action; the HTTP layer maps it
// onto 409.
var ErrKeyReused = errors.New("idempotency key already used for different feedback")

// Limits on event fields, so a client cannot store unbounded text.
const (
	maxID     = 128
	maxKey    = 128
	maxCode   = 16
	maxReason = 2000
	maxUser   = 200
	maxTerms  = 64
	maxTerm   = 300
)

// Event is one coder action on one code.
type Event struct {
	ID        int64     `json:"id"`
	RequestID string    `json:"requestId"`
	System    string    `json:"system"`
	Code      string    `json:"code"`
	Action    string    `json:"action"`
	Reason    string    `json:"reason,omitempty"`
	User      string    `json:"user,omitempty"`
	Terms     []string  `json:"terms,omitempty"` // code names that matched the note, never note text
	Created   time.Time `json:"created"`
	// Key is the client's idempotency key: an event whose Key was stored
	// before is not stored again (see Store.AddAll). "" never matches.
	Key string `json:"idempotencyKey,omitempty"`
	// Replayed is set on an event AddAll returned in place of one already
	// stored under the same Key. It is not stored.
	Replayed bool `json:"replayed,omitempty"`
}

// normalize checks e and returns it in canonical form: the system's
// canonical name, the canonical code spelling, lower-case trimmed terms
// (deduplicated, in first-seen order), a UTC creation time.
func normalize(e Event) (Event, error) {
	sys, err := corpus.ParseSystem(e.System)
	if err != nil {
		return e, fmt.Errorf("feedback: system %q: %w", e.System, ErrInvalid)
	}
	e.System = string(sys)
	e.Code = corpus.NormalizeCode(sys, e.Code)
	switch {
	case e.Code == "" || len(e.Code) > maxCode:
		return e, fmt.Errorf("feedback: code %q: %w", e.Code, ErrInvalid)
	case e.Action != Accepted && e.Action != Rejected && e.Action != Added:
		return e, fmt.Errorf("feedback: action %q (want accepted, rejected or added): %w", e.Action, ErrInvalid)
	case len(e.RequestID) > maxID:
		return e, fmt.Errorf("feedback: request id longer than %d bytes: %w", maxID, ErrInvalid)
	case len(e.Reason) > maxReason:
		return e, fmt.Errorf("feedback: reason longer than %d bytes: %w", maxReason, ErrInvalid)
	case len(e.User) > maxUser:
		return e, fmt.Errorf("feedback: user longer than %d bytes: %w", maxUser, ErrInvalid)
	case len(e.Key) > maxKey:
		return e, fmt.Errorf("feedback: idempotency key longer than %d bytes: %w", maxKey, ErrInvalid)
	case len(e.Terms) > maxTerms:
		return e, fmt.Errorf("feedback: more than %d terms: %w", maxTerms, ErrInvalid)
	}
	for _, s := range []string{e.RequestID, e.Code, e.Reason, e.User, e.Key} {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return e, fmt.Errorf("feedback: text is not valid UTF-8: %w", ErrInvalid)
		}
	}
	terms := make([]string, 0, len(e.Terms))
	seen := map[string]bool{}
	for _, t := range e.Terms {
		t = normTerm(t)
		if len(t) > maxTerm || !utf8.ValidString(t) || strings.ContainsRune(t, 0) {
			return e, fmt.Errorf("feedback: term longer than %d bytes or not UTF-8: %w", maxTerm, ErrInvalid)
		}
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		terms = append(terms, t)
	}
	e.Terms = terms
	if e.Created.IsZero() {
		e.Created = time.Now()
	}
	e.Created = e.Created.UTC().Truncate(time.Microsecond)
	e.Replayed = false
	return e, nil
}

func normTerm(t string) string { return strings.ToLower(strings.Join(strings.Fields(t), " ")) }
