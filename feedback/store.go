package feedback

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Store keeps coder feedback durably. Implementations are safe for
// concurrent use.
type Store interface {
	// Add validates and stores e, returning it with its ID and creation
	// time; it returns only once the event is durable. Invalid events fail
	// with an error wrapping ErrInvalid.
	Add(ctx context.Context, e Event) (Event, error)
	// AddAll validates every event, then stores them all in one
	// transaction, or none (the first invalid event's error wraps
	// ErrInvalid). An event whose Key was stored before, by an earlier
	// call or earlier in the same call, is not stored again: the stored
	// event is returned in its place with Replayed set, or an error
	// wrapping ErrKeyReused when it differs in request id, system, code or
	// action. It returns only once the new events are durable.
	AddAll(ctx context.Context, evs []Event) ([]Event, error)
	// Stats returns the acceptance rate overall and per code.
	Stats(ctx context.Context) (Stats, error)
	// Events returns the events of one request in id order; "" returns
	// every event.
	Events(ctx context.Context, requestID string) ([]Event, error)
	// Adjusts and Adjust are the ranking adjustment learned from the
	// feedback so far (they satisfy suggest.Adjuster): Adjusts says whether
	// any feedback concerns a code.
	Adjusts(system, code string) bool
	Adjust(system, code string, terms []string) float64
	Close() error
}

// Open opens (creating and migrating when needed) the store named by dsn:
// "postgres://..." or "postgresql://..." is PostgreSQL; "sqlite:PATH" or a
// plain PATH is a SQLite file, whose directory is created.
func Open(ctx context.Context, dsn string) (Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openSQL(ctx, postgres, dsn)
	case dsn == "" || dsn == "sqlite:":
		return nil, fmt.Errorf("feedback: empty database name")
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("feedback: %w", err)
		}
	}
	return openSQL(ctx, sqlite, path)
}
