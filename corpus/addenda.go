package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// AddendaAction is what an order-file addenda line does to a code.
type AddendaAction string

// Actions of an order-file addenda (icd10cm_order_addenda_YYYY.txt).
const (
	AddendaAdd          AddendaAction = "add"
	AddendaDelete       AddendaAction = "delete"
	AddendaReviseFrom   AddendaAction = "revise-from"
	AddendaReviseTo     AddendaAction = "revise-to"
	addendaActionLength               = 13 // the action field: "Revise from: "
)

// AddendaEntry is one line of an order-file addenda.
type AddendaEntry struct {
	Action   AddendaAction
	Code     string // canonical, dotted
	Billable bool
	Short    string
	Long     string
	Line     int
}

// ReadOrderAddenda reads an ICD-10-CM order-file addenda: each record is a
// 13-character action field ("Add:", "Delete:", "Revise from:", "Revise
// to:") followed by the order-file layout without its order number (flag,
// code, short and long title). The summary block after the first blank
// line following the records ("Headers", "Codes", counts) is not records
// and is skipped. A malformed record, or a "Revise from:" not followed by
// the "Revise to:" of the same code, is a *ParseError naming file and
// line.
func ReadOrderAddenda(r io.Reader, file string) ([]AddendaEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []AddendaEntry
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" {
			if len(out) > 0 {
				break // the summary block follows
			}
			continue
		}
		e, err := parseAddendaLine(text)
		if err != nil {
			return nil, &ParseError{File: file, Line: line, Err: err}
		}
		e.Line = line
		if n := len(out); n > 0 && out[n-1].Action == AddendaReviseFrom &&
			(e.Action != AddendaReviseTo || e.Code != out[n-1].Code) {
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("\"Revise from:\" %s is not followed by its \"Revise to:\"", out[n-1].Code)}
		}
		if e.Action == AddendaReviseTo && (len(out) == 0 || out[len(out)-1].Action != AddendaReviseFrom || out[len(out)-1].Code != e.Code) {
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("\"Revise to:\" %s without its \"Revise from:\"", e.Code)}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: file, Line: line + 1, Err: err}
	}
	if n := len(out); n > 0 && out[n-1].Action == AddendaReviseFrom {
		return nil, &ParseError{File: file, Line: out[n-1].Line, Err: fmt.Errorf("\"Revise from:\" %s is not followed by its \"Revise to:\"", out[n-1].Code)}
	}
	if len(out) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("no addenda records")}
	}
	return out, nil
}

// parseAddendaLine parses one record: the action field, then the order
// layout from its flag column on.
func parseAddendaLine(s string) (AddendaEntry, error) {
	var e AddendaEntry
	if len(s) < addendaActionLength {
		return e, fmt.Errorf("record has %d characters, want an action field of %d", len(s), addendaActionLength)
	}
	switch act := strings.TrimRight(s[:addendaActionLength], " "); act {
	case "Add:":
		e.Action = AddendaAdd
	case "Delete:":
		e.Action = AddendaDelete
	case "Revise from:":
		e.Action = AddendaReviseFrom
	case "Revise to:":
		e.Action = AddendaReviseTo
	default:
		return e, fmt.Errorf("action %q is not one of \"Add:\", \"Delete:\", \"Revise from:\", \"Revise to:\"", act)
	}
	// The rest is the flag, a blank, the code (7 columns), a blank, then
	// the short and long titles as in the order file: rearranged into an
	// order-file record so that the order-file parser checks the columns.
	const a = addendaActionLength
	if len(s) < a+10 {
		return e, fmt.Errorf("record has %d characters, want at least %d", len(s), a+10)
	}
	if s[a+1] != ' ' || s[a+9] != ' ' {
		return e, fmt.Errorf("columns %d and %d must be blank", a+2, a+10)
	}
	c, err := parseOrderLine("00000 " + s[a+2:a+9] + " " + s[a:a+1] + " " + s[a+10:])
	if err != nil {
		return e, err
	}
	e.Code, e.Billable, e.Short, e.Long = c.Code, c.Billable, c.Short, c.Display
	return e, nil
}
