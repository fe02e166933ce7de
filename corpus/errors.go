package corpus

import "errors"

// Sentinel errors, for callers (the HTTP layer) to map onto statuses.
var (
	ErrUnknownCode    = errors.New("unknown code")
	ErrNotBillable    = errors.New("not billable")
	ErrNotCovered     = errors.New("date of service not covered by the release")
	ErrMissingData    = errors.New("code-set data missing")
	ErrUnknownRelease = errors.New("unknown release")
)
