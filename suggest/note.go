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
	if controlBytes(text)*20 > len(text) {
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

// Eight bytes at once: each byte of ones8 is 1.
const ones8 = 0x0101010101010101

// controlBytes counts the control characters of text other than line
// ends, tabs and form feeds. A control character is one byte, which no
// other character's UTF-8 holds: bytes are counted, not decoded runes.
// Eight bytes are tested at once for a byte below 0x20 (hasless of "Bit
// Twiddling Hacks": exact as a test, and no byte of a multi-byte
// character, 0x80 and up, sets it), and only a word holding one is read
// byte by byte: a note is read once per request, at every size.
func controlBytes(text string) int {
	ctrl := 0
	i := 0
	for ; i+8 <= len(text); i += 8 {
		b := text[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if (w-ones8*0x20)&^w&(ones8*0x80) == 0 {
			continue
		}
		for k := range 8 {
			if controlByte(b[k]) {
				ctrl++
			}
		}
	}
	for ; i < len(text); i++ {
		if controlByte(text[i]) {
			ctrl++
		}
	}
	return ctrl
}

// controlByte reports a control character other than a line end, a tab
// or a form feed.
func controlByte(c byte) bool {
	return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'
}
