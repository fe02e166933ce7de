package server

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"medcode/corpus"
)

// releaseQuery narrows the code sets to the ICD-10-CM release a request
// asks for: ?release=FY2027 by name, else ?date=YYYY-MM-DD the release in
// force then, else today's (the whole set when today is past every
// loaded release). A bad value answers 400 naming the loaded releases and
// periods, and returns false.
func releaseQuery(c *gin.Context, set *corpus.Set) (*corpus.Set, bool) {
	name, date := strings.TrimSpace(c.Query("release")), strings.TrimSpace(c.Query("date"))
	var (
		v   *corpus.Set
		err error
	)
	switch {
	case name != "" && date != "":
		badRequest(c, "give either release or date, not both")
		return nil, false
	case name != "":
		v, err = set.In(name)
	case date != "":
		d, perr := time.Parse(time.DateOnly, date)
		if perr != nil {
			badRequest(c, fmt.Sprintf("date %q is not a date (want YYYY-MM-DD)", date))
			return nil, false
		}
		v, err = set.On(d)
	default:
		now := time.Now()
		if v, err = set.On(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)); err != nil {
			return set, true
		}
	}
	if err != nil {
		badRequest(c, strings.TrimPrefix(err.Error(), "corpus: "))
		return nil, false
	}
	return v, true
}

// notInRelease answers 404 for a code the picked release lacks, naming
// the loaded releases that hold it.
func notInRelease(c *gin.Context, set *corpus.Set, sys corpus.System, code string) {
	rel, _ := set.Release(sys)
	var in []string
	if sys == corpus.ICD10CM {
		for _, r := range set.ICD10CMReleases() {
			if v, err := set.In(r.Name); err == nil {
				if _, ok := v.ID(sys, code); ok {
					in = append(in, r.Name)
				}
			}
		}
	}
	detail := fmt.Sprintf("%s has no code %q", sys, code)
	if sys == corpus.ICD10CM && rel.Name != "" {
		detail = fmt.Sprintf("%s %s has no code %q", sys, rel.Name, code)
	}
	if len(in) > 0 {
		detail += "; it is a code of " + strings.Join(in, ", ")
	}
	problem(c, http.StatusNotFound, "unknown-code", "Unknown code", detail)
}
