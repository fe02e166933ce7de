package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"medcode/corpus"
)

// Case is one labelled note: its text and its gold codes.
type Case struct {
	ID   string
	Text string
	// Topic optionally names what the case tests ("diabetes-type",
	// "laterality"); reports break ranking metrics down by it.
	Topic string
	// Gold are the case's codes in systems medcode suggests, normalised
	// (corpus.NormalizeCode) and de-duplicated, in file order.
	Gold []Gold
	// Other are codes of systems medcode does not suggest (ICD-10-PCS),
	// kept for completeness and never scored.
	Other []Gold
}

// Gold is one gold code.
type Gold struct {
	System corpus.System `json:"system"`
	Code   string        `json:"code"`
	// Note carries the data set's remark on the code, e.g.
	// "fy2026_header_not_billable".
	Note string `json:"note,omitempty"`
}

// CaseError reports a malformed line of a cases file.
type CaseError struct {
	File string
	Line int // 1-based
	Err  error
}

func (e *CaseError) Error() string { return fmt.Sprintf("eval: %s:%d: %v", e.File, e.Line, e.Err) }
func (e *CaseError) Unwrap() error { return e.Err }

// OpenCases reads the cases file at path (JSONL, gzip'd or not).
func OpenCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: open cases: %w", err)
	}
	defer f.Close()
	return ReadCases(f, path)
}

type caseLine struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Topic string `json:"topic"`
	Codes []struct {
		System string `json:"system"`
		Code   string `json:"code"`
		Note   string `json:"note"`
	} `json:"codes"`
}

// ReadCases reads JSONL cases from r, one object per line:
//
//	{"id": "...", "text": "...", "codes": [{"system": "ICD-10-CM", "code": "R51"}]}
//
// with an optional "topic" (Case.Topic).
// The input may be gzip-compressed (detected by its magic bytes). Unknown
// fields are ignored and blank lines skipped. System names are normalised
// with corpus.ParseSystem; ICD-10-PCS codes go to Case.Other. name is used
// in errors, which are *CaseError naming the line: bad JSON, a missing id or
// empty text, an empty code, an unknown system, a duplicate id.
func ReadCases(r io.Reader, name string) ([]Case, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	var cases []Case
	seen := make(map[string]int)
	line := 0
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			line++
			c, perr := parseCase(b)
			if perr != nil {
				return nil, &CaseError{File: name, Line: line, Err: perr}
			}
			if c != nil {
				if prev, ok := seen[c.ID]; ok {
					return nil, &CaseError{File: name, Line: line, Err: fmt.Errorf("duplicate id %q (first on line %d)", c.ID, prev)}
				}
				seen[c.ID] = line
				cases = append(cases, *c)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", name, line+1, err)
		}
	}
	return cases, nil
}

// parseCase decodes one line; a blank line yields nil.
func parseCase(b []byte) (*Case, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, nil
	}
	var cl caseLine
	if err := json.Unmarshal(b, &cl); err != nil {
		return nil, fmt.Errorf("bad JSON: %w", err)
	}
	if strings.TrimSpace(cl.ID) == "" {
		return nil, errors.New("missing id")
	}
	if strings.TrimSpace(cl.Text) == "" {
		return nil, fmt.Errorf("case %q has empty text", cl.ID)
	}
	c := &Case{ID: cl.ID, Text: cl.Text, Topic: strings.TrimSpace(cl.Topic)}
	dup := make(map[string]bool)
	for i, g := range cl.Codes {
		code := strings.TrimSpace(g.Code)
		if code == "" {
			return nil, fmt.Errorf("case %q code %d is empty", cl.ID, i+1)
		}
		if isPCS(g.System) {
			c.Other = append(c.Other, Gold{System: corpus.System("ICD-10-PCS"), Code: strings.ToUpper(code), Note: g.Note})
			continue
		}
		sys, err := parseSystem(g.System)
		if err != nil {
			return nil, fmt.Errorf("case %q code %d: %w", cl.ID, i+1, err)
		}
		code = corpus.NormalizeCode(sys, code)
		k := key(sys, code)
		if dup[k] {
			continue
		}
		dup[k] = true
		c.Gold = append(c.Gold, Gold{System: sys, Code: code, Note: g.Note})
	}
	return c, nil
}

func isPCS(s string) bool {
	k := strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "", ".", "").Replace(s))
	return k == "icd10pcs" || k == "pcs"
}

// key is the identity of a code across systems: "ICD-10-CM|R51.9".
func key(sys corpus.System, code string) string { return string(sys) + "|" + code }

// parseSystem is corpus.ParseSystem with a fast path for the canonical
// names the engine emits.
func parseSystem(s string) (corpus.System, error) {
	switch sys := corpus.System(s); sys {
	case corpus.ICD10CM, corpus.CPT, corpus.HCPCS:
		return sys, nil
	}
	return corpus.ParseSystem(s)
}
