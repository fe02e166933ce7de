package corpus

import "fmt"

// ParseError reports malformed input in a code-set file.
type ParseError struct {
	File string
	Line int // 1-based; 0 when the position is unknown
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("corpus: %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("corpus: %s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
