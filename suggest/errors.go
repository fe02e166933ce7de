package suggest

import "errors"

// Sentinel errors for bad requests; callers map them onto exit statuses and
// HTTP 4xx.
var (
	ErrEmptyNote     = errors.New("suggest: note is empty")
	ErrBinaryNote    = errors.New("suggest: note is not text (binary or invalid UTF-8)")
	ErrNoteTooLarge  = errors.New("suggest: note exceeds 100 KB")
	ErrUnknownSystem = errors.New("suggest: system not loaded")
	ErrBadSetting    = errors.New("suggest: setting must be outpatient or inpatient")
)

// MaxNoteBytes is the largest note accepted.
const MaxNoteBytes = 100 << 10
