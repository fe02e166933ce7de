package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"medcode/corpus"
	"medcode/suggest"
)

// codeDetails is the JSON of GET /v1/codes/{system}/{code}.
type codeDetails struct {
	System     string          `json:"system"`
	SystemURI  string          `json:"systemUri"`
	Code       string          `json:"code"`
	Display    string          `json:"display"`
	Short      string          `json:"short,omitempty"`
	Billable   bool            `json:"billable"`
	Modifier   bool            `json:"modifier,omitempty"`
	Release    string          `json:"release,omitempty"` // the release answering (?date=, ?release=)
	Chapter    string          `json:"chapter,omitempty"`
	Parent     *codeRef        `json:"parent,omitempty"`
	Children   []codeRef       `json:"children"`
	Names      []nameJSON      `json:"names"`
	Notes      notesJSON       `json:"notes"`
	SevenChr   []extensionJSON `json:"sevenChr,omitempty"`
	Added      string          `json:"added,omitempty"`
	Terminated string          `json:"terminated,omitempty"`
}

type codeRef struct {
	Code     string `json:"code"`
	Display  string `json:"display"`
	Billable bool   `json:"billable"`
}

type nameJSON struct {
	Text string `json:"text"`
	Kind string `json:"kind"`
}

type extensionJSON struct {
	Char string `json:"char"`
	Text string `json:"text"`
}

type notesJSON struct {
	Includes      []string `json:"includes,omitempty"`
	Excludes1     []string `json:"excludes1,omitempty"`
	Excludes2     []string `json:"excludes2,omitempty"`
	CodeFirst     []string `json:"codeFirst,omitempty"`
	UseAdditional []string `json:"useAdditional,omitempty"`
	CodeAlso      []string `json:"codeAlso,omitempty"`
	Notes         []string `json:"notes,omitempty"`
	SevenChrNote  []string `json:"sevenChrNote,omitempty"`
}

func ref(set *corpus.Set, sys corpus.System, code string) codeRef {
	r := codeRef{Code: code}
	if c, ok := set.Lookup(sys, code); ok {
		r.Display, r.Billable = c.Display, c.Billable
	}
	return r
}

func details(set *corpus.Set, c *corpus.Code) codeDetails {
	d := codeDetails{
		System: string(c.System), SystemURI: c.System.URI(), Code: c.Code, Display: c.Display, Short: c.Short,
		Billable: c.Billable, Modifier: c.Modifier, Chapter: c.Chapter,
		Children: make([]codeRef, 0, len(c.Children)),
		Names:    make([]nameJSON, 0, len(c.Names)),
		Notes: notesJSON{
			Includes: c.Notes.Includes, Excludes1: c.Notes.Excludes1, Excludes2: c.Notes.Excludes2,
			CodeFirst: c.Notes.CodeFirst, UseAdditional: c.Notes.UseAdditional, CodeAlso: c.Notes.CodeAlso,
			Notes: c.Notes.Notes, SevenChrNote: c.Notes.SevenChrNote,
		},
	}
	if c.Parent != "" {
		p := ref(set, c.System, c.Parent)
		d.Parent = &p
	}
	for _, ch := range c.Children {
		d.Children = append(d.Children, ref(set, c.System, ch))
	}
	for _, n := range c.Names {
		d.Names = append(d.Names, nameJSON{Text: n.Text, Kind: n.Kind.String()})
	}
	for _, x := range c.SevenChr {
		d.SevenChr = append(d.SevenChr, extensionJSON{Char: x.Char, Text: x.Text})
	}
	if !c.Added.IsZero() {
		d.Added = c.Added.Format("2006-01-02")
	}
	if !c.Terminated.IsZero() {
		d.Terminated = c.Terminated.Format("2006-01-02")
	}
	return d
}

func (s *Server) codeDetails(c *gin.Context) {
	sys, err := corpus.ParseSystem(c.Param("system"))
	if err != nil {
		badRequest(c, fmt.Sprintf("unknown system %q (want icd10cm, cpt or hcpcs)", c.Param("system")))
		return
	}
	set := s.codeSet()
	if set == nil {
		s.fail(c, "code details", ErrNotReady)
		return
	}
	var ok bool
	union := set
	if set, ok = releaseQuery(c, set); !ok {
		return
	}
	code, ok := set.Lookup(sys, c.Param("code"))
	if !ok {
		notInRelease(c, union.Union(), sys, corpus.NormalizeCode(sys, c.Param("code")))
		return
	}
	d := details(set, code)
	if r, ok := set.Release(sys); ok {
		d.Release = r.Name
	}
	respond(c, http.StatusOK, d)
}

// searchCodes is the autocomplete: GET /v1/codes/search?q=&system=&limit=.
// system may repeat or be comma-separated; limit is 1..100 (default 10).
func (s *Server) searchCodes(c *gin.Context) {
	q := strings.TrimSpace(c.Query("q"))
	if q == "" {
		badRequest(c, "query parameter q is empty")
		return
	}
	if len(q) > 200 {
		badRequest(c, "query parameter q is longer than 200 bytes")
		return
	}
	var systems []corpus.System
	for _, v := range c.QueryArray("system") {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			sys, err := corpus.ParseSystem(name)
			if err != nil {
				badRequest(c, fmt.Sprintf("unknown system %q (want icd10cm, cpt or hcpcs)", name))
				return
			}
			systems = append(systems, sys)
		}
	}
	limit := 10
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			badRequest(c, fmt.Sprintf("limit %q is not a number in 1..100", v))
			return
		}
		limit = n
	}
	if s.codes == nil {
		s.fail(c, "code search", ErrNotReady)
		return
	}
	ms, err := s.codes.SearchCodes(c.Request.Context(), q, systems, limit)
	if err != nil {
		s.fail(c, "code search", err)
		return
	}
	if ms == nil {
		ms = []suggest.CodeMatch{}
	}
	respond(c, http.StatusOK, ms)
}
