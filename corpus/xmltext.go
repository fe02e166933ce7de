package corpus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xmlReader wraps an encoding/xml decoder with the bookkeeping every
// code-set XML reader needs: the element stack, positions for errors and
// text collection.
type xmlReader struct {
	dec   *xml.Decoder
	file  string
	stack []string
}

func newXMLReader(r io.Reader, file string) *xmlReader {
	d := xml.NewDecoder(r)
	d.Strict = true
	return &xmlReader{dec: d, file: file}
}

// errorf returns a *ParseError at the decoder's current line.
func (x *xmlReader) errorf(format string, args ...any) error {
	line, _ := x.dec.InputPos()
	return &ParseError{File: x.file, Line: line, Err: fmt.Errorf(format, args...)}
}

// line is the decoder's current 1-based line.
func (x *xmlReader) line() int {
	l, _ := x.dec.InputPos()
	return l
}

// token returns the next token, keeping the element stack; io.EOF at the
// end of input. Syntax errors become *ParseError.
func (x *xmlReader) token() (xml.Token, error) {
	for {
		tok, err := x.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if len(x.stack) > 0 {
					return nil, x.errorf("unexpected end of input inside <%s>", x.stack[len(x.stack)-1])
				}
				return nil, io.EOF
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &ParseError{File: x.file, Line: se.Line, Err: errors.New(se.Msg)}
			}
			line, _ := x.dec.InputPos()
			return nil, &ParseError{File: x.file, Line: line, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			x.stack = append(x.stack, t.Name.Local)
			return t, nil
		case xml.EndElement:
			x.stack = x.stack[:len(x.stack)-1]
			return t, nil
		case xml.CharData:
			return t, nil
		}
		// comments, processing instructions, directives: skip
	}
}

// where describes the current position for messages: "inside <term>",
// or "outside the root element".
func (x *xmlReader) where() string {
	if len(x.stack) == 0 {
		return "outside the root element"
	}
	return "inside <" + x.stack[len(x.stack)-1] + ">"
}

// parent is the element enclosing the current one ("" at the root).
func (x *xmlReader) parent() string {
	if len(x.stack) < 2 {
		return ""
	}
	return x.stack[len(x.stack)-2]
}

// text collects the character data of the element just started, up to
// its end tag. Markup allowed inside (addenda tags) is checked against
// allowed; the text of <old> (a previous edition's wording) is dropped;
// text inside a child named split goes to the second result. Whitespace is
// collapsed.
func (x *xmlReader) text(allowed func(string) bool, split string) (main, side string, err error) {
	var b, s strings.Builder
	depth := len(x.stack)
	inOld, inSplit := 0, 0
	for {
		tok, err := x.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", "", x.errorf("unexpected end of input")
			}
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !allowed(t.Name.Local) {
				return "", "", x.errorf("<%s> not allowed inside <%s>", t.Name.Local, x.parent())
			}
			switch t.Name.Local {
			case "old":
				inOld++
			case split:
				inSplit++
			}
		case xml.EndElement:
			if len(x.stack) < depth {
				return collapseSpace(b.String()), collapseSpace(s.String()), nil
			}
			switch t.Name.Local {
			case "old":
				inOld--
			case split:
				inSplit--
			}
		case xml.CharData:
			switch {
			case inOld > 0:
			case inSplit > 0:
				s.Write(t)
				s.WriteByte(' ')
			default:
				b.Write(t)
			}
		}
	}
}

// skip consumes the element just started, up to its end tag, checking
// nothing inside it.
func (x *xmlReader) skip() error {
	depth := len(x.stack)
	for {
		_, err := x.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return x.errorf("unexpected end of input")
			}
			return err
		}
		if len(x.stack) < depth {
			return nil
		}
	}
}

// collapseSpace trims s and replaces every run of white space by one blank.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// xmlAttr returns the value of the attribute name of t.
func xmlAttr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}
