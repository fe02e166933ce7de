package suggest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// CheckNote reports whether text is a note the engine accepts: not
// empty, at most MaxNoteBytes, valid UTF-8 text without NUL bytes and with
// few control characters.
func CheckNote(text string) error {
	if strings.TrimSpace(text) == "" {
		return ErrEmptyNote
	}
	if len(text) > MaxNoteBytes {
		return ErrNoteTooLarge
	}
	if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
		return ErrBinaryNote
	}
	// A control character is one byte, which no other character's UTF-8
	// holds: count bytes, not decoded runes.
	ctrl := 0
	for i := range len(text) {
		if c := text[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(text) {
		return ErrBinaryNote
	}
	return nil
}

// validate checks a request and fills defaults.
func (e *Engine) validate(req *Request) error {
	if err := CheckNote(req.Text); err != nil {
		return err
	}
	switch req.Setting {
	case "":
		req.Setting = Outpatient
	case Outpatient, Inpatient:
	default:
		return fmt.Errorf("%w: %q", ErrBadSetting, req.Setting)
	}
	for _, s := range req.Systems {
		if e.set.Len(s) == 0 {
			return fmt.Errorf("%w: %s", ErrUnknownSystem, s)
		}
	}
	if req.MaxResults <= 0 {
		req.MaxResults = 50
	}
	return nil
}
