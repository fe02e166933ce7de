package server

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCDSDiscovery(t *testing.T) {
	f := newFixture(t, nil)
	w := f.do(t, "GET", "/cds-services", nil)
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	d := decode[struct {
		Services []struct {
			Hook, Title, Description, ID string
			Prefetch                     map[string]string
		}
	}](t, w)
	if len(d.Services) != 1 {
		t.Fatalf("services = %+v", d)
	}
	s := d.Services[0]
	if s.ID != "medcode-coding" || s.Hook != "encounter-discharge" || s.Description == "" ||
		!strings.HasPrefix(s.Prefetch["note"], "DocumentReference?") || !strings.Contains(s.Prefetch["note"], "{{context.encounterId}}") {
		t.Errorf("service = %+v", s)
	}
}

type cdsCardJSON struct {
	UUID, Summary, Detail, Indicator string
	Source                           struct{ Label, URL string }
	SelectionBehavior                string
	Suggestions                      []struct {
		Label, UUID string
		Actions     []struct {
			Type, Description string
			Resource          struct {
				ResourceType string
				Code         struct {
					Coding []struct{ System, Code, Display string }
				}
				Subject, Encounter struct{ Reference string }
			}
		}
	}
}

func cdsRequestBody(prefetch, ext string) string {
	b := `{"hook":"encounter-discharge","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","fhirServer":"https://fhir.example.org",
	"context":{"userId":"Practitioner/1","patientId":"p1","encounterId":"e1"` + ext + `}`
	if prefetch != "" {
		b += `,"prefetch":{"note":` + prefetch + `}`
	}
	return b + "}"
}

func TestCDSService(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.PublicURL = "https://medcode.example.org/" })
	data := base64.StdEncoding.EncodeToString([]byte(note))
	doc := `{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"application/pdf","data":"AAAA"}},{"attachment":{"contentType":"text/plain; charset=utf-8","data":"` + data + `"}}]}`
	tests := []struct {
		name, body string
	}{
		{"DocumentReference", cdsRequestBody(doc, "")},
		{"Bundle", cdsRequestBody(`{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"DocumentReference","content":[]}},{"resource":`+doc+`}]}`, "")},
		{"extension", cdsRequestBody("", `,"extension":{"org.medcode.note-text":`+jsonString(note)+`}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := f.do(t, "POST", "/cds-services/medcode-coding", tt.body)
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if got := f.engine.lastRequest(); got.Text != note || len(got.Systems) != 1 || got.Systems[0] != "ICD-10-CM" {
				t.Errorf("engine got %+v", got)
			}
			res := decode[struct{ Cards []cdsCardJSON }](t, w)
			if len(res.Cards) != 2 {
				t.Fatalf("cards = %+v (want the two ICD-10-CM codes)", res.Cards)
			}
			c := res.Cards[0]
			if c.UUID == "" || c.Indicator != "info" || c.Source.Label == "" || c.Source.URL != "https://medcode.example.org/" ||
				c.SelectionBehavior != "any" || utf8.RuneCountInString(c.Summary) > 140 || !strings.Contains(c.Summary, "E11.9") {
				t.Errorf("card = %+v", c)
			}
			if len(c.Suggestions) != 1 || c.Suggestions[0].UUID == "" || c.Suggestions[0].Label == "" || len(c.Suggestions[0].Actions) != 1 {
				t.Fatalf("suggestions = %+v", c.Suggestions)
			}
			a := c.Suggestions[0].Actions[0]
			cd := a.Resource.Code.Coding
			if a.Type != "create" || a.Resource.ResourceType != "Condition" || len(cd) != 1 ||
				cd[0].System != "http://hl7.org/fhir/sid/icd-10-cm" || cd[0].Code != "E11.9" ||
				a.Resource.Subject.Reference != "Patient/p1" || a.Resource.Encounter.Reference != "Encounter/e1" {
				t.Errorf("action = %+v", a)
			}
		})
	}
	bad := []struct{ name, body, detail string }{
		{"wrong hook", strings.Replace(cdsRequestBody(doc, ""), "encounter-discharge", "patient-view", 1), "patient-view"},
		{"no hookInstance", strings.Replace(cdsRequestBody(doc, ""), "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "", 1), "hookInstance"},
		{"no note", cdsRequestBody("", ""), "no note"},
		{"null note", cdsRequestBody("null", ""), "no note"},
		{"bad base64", cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"%%%"}}]}`, ""), "base64"},
		{"no text attachment", cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"image/png","data":"AAAA"}}]}`, ""), "no text attachment"},
		{"wrong resource", cdsRequestBody(`{"resourceType":"Patient"}`, ""), "Patient"},
		{"prefetch not object", cdsRequestBody(`"text"`, ""), "not a FHIR resource"},
		{"extension not string", cdsRequestBody("", `,"extension":{"org.medcode.note-text":5}`), "must be a string"},
		{"empty note", cdsRequestBody("", `,"extension":{"org.medcode.note-text":" "}`), "empty"},
		{"malformed", `{"hook":`, "malformed JSON"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, f.do(t, "POST", "/cds-services/medcode-coding", tt.body), 400, tt.detail)
		})
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func TestCDSFeedback(t *testing.T) {
	f := newFixture(t, nil)
	body := cdsRequestBody("", `,"extension":{"org.medcode.note-text":`+jsonString(note)+`}`)
	res := decode[struct{ Cards []cdsCardJSON }](t, f.do(t, "POST", "/cds-services/medcode-coding", body))
	if len(res.Cards) != 2 {
		t.Fatalf("cards = %+v", res.Cards)
	}
	fb := `{"feedback":[
	 {"card":"` + res.Cards[0].UUID + `","outcome":"accepted","acceptedSuggestions":[{"id":"` + res.Cards[0].Suggestions[0].UUID + `"}],"outcomeTimestamp":"2025-11-03T10:00:00Z"},
	 {"card":"` + res.Cards[1].UUID + `","outcome":"overridden","overrideReason":{"reason":{"code":"not-documented","system":"http://example.org/reasons","display":"Not documented"},"userComment":"BP normal"},"outcomeTimestamp":"2025-11-03T10:01:00Z"}]}`
	if w := f.do(t, "POST", "/cds-services/medcode-coding/feedback", fb); w.Code != 200 {
		t.Fatalf("feedback status %d: %s", w.Code, w.Body)
	}
	evs, err := f.store.Events(context.Background(), "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea")
	if err != nil || len(evs) != 2 {
		t.Fatalf("events = %+v, %v", evs, err)
	}
	if e := evs[0]; e.Action != "accepted" || e.Code != "E11.9" || e.Created.Format("15:04") != "10:00" || len(e.Terms) != 1 {
		t.Errorf("accepted event = %+v", e)
	}
	if e := evs[1]; e.Action != "rejected" || e.Code != "I10" || !strings.Contains(e.Reason, "Not documented") || !strings.Contains(e.Reason, "BP normal") {
		t.Errorf("overridden event = %+v", e)
	}
	wantProblem(t, f.do(t, "POST", "/cds-services/medcode-coding/feedback", `{"feedback":[{"card":"nope","outcome":"accepted"}]}`), 404, "nope")
	wantProblem(t, f.do(t, "POST", "/cds-services/medcode-coding/feedback", `{"feedback":[{"card":"`+res.Cards[0].UUID+`","outcome":"ignored"}]}`), 400, "outcome")
	wantProblem(t, f.do(t, "POST", "/cds-services/medcode-coding/feedback", `{"feedback":[]}`), 400, "empty")
	wantProblem(t, f.do(t, "POST", "/cds-services/medcode-coding/feedback", `{"feedback":[{"card":"`+res.Cards[0].UUID+`","outcome":"accepted","outcomeTimestamp":"yesterday"}]}`), 400, "outcomeTimestamp")
	if evs, _ := f.store.Events(context.Background(), ""); len(evs) != 2 {
		t.Errorf("rejected feedback was stored: %d events", len(evs))
	}
}

func TestTruncate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"}, {"abcd", 3, "ab…"}, {"ééé", 2, "é…"}, {"", 5, ""},
	} {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
