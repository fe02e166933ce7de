package server

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"medcode/corpus"
	"medcode/feedback"
	"medcode/suggest"
)

// CDS Hooks 2.0: one service on encounter-discharge.
const (
	cdsServiceID = "medcode-coding"
	cdsHook      = "encounter-discharge"
	// cdsNoteExtension is the extension (in context.extension or the
	// request's extension) that may carry the note text directly.
	cdsNoteExtension = "org.medcode.note-text"
	// cdsMaxCards bounds the cards of one response.
	cdsMaxCards = 10
	// icdURI is the FHIR code system of ICD-10-CM.
	icdURI = "http://hl7.org/fhir/sid/icd-10-cm"
)

type cdsDiscovery struct {
	Services []cdsService `json:"services"`
}

type cdsService struct {
	Hook              string            `json:"hook"`
	Title             string            `json:"title"`
	Description       string            `json:"description"`
	ID                string            `json:"id"`
	Prefetch          map[string]string `json:"prefetch"`
	UsageRequirements string            `json:"usageRequirements,omitempty"`
}

func (s *Server) cdsDiscovery(c *gin.Context) {
	respond(c, http.StatusOK, cdsDiscovery{Services: []cdsService{{
		Hook:        cdsHook,
		Title:       "medcode coding suggestions",
		Description: "Suggests ICD-10-CM diagnosis codes for the encounter's clinical note, each with its evidence in the note.",
		ID:          cdsServiceID,
		Prefetch: map[string]string{
			"note":      "DocumentReference?patient={{context.patientId}}&encounter={{context.encounterId}}&_sort=-date&_count=1",
			"encounter": "Encounter/{{context.encounterId}}",
		},
		UsageRequirements: "The note is read from prefetch \"note\" (a DocumentReference, or a Bundle of them, with a text/plain attachment) or from the " + cdsNoteExtension + " extension of context. The encounter's date of service (prefetch \"encounter\" period end, else start, else the note's context.period) picks the ICD-10-CM release; without one, today's.",
	}}})
}

// cdsRequest is the part of a CDS Hooks request the service reads.
type cdsRequest struct {
	Hook         string                     `json:"hook"`
	HookInstance string                     `json:"hookInstance"`
	FHIRServer   string                     `json:"fhirServer,omitempty"`
	Context      *cdsContext                `json:"context"` // required: nil is a 400
	Prefetch     map[string]json.RawMessage `json:"prefetch,omitempty"`
	Extension    map[string]json.RawMessage `json:"extension,omitempty"`
}

type cdsContext struct {
	UserID      string                     `json:"userId"`
	PatientID   string                     `json:"patientId"`
	EncounterID string                     `json:"encounterId"`
	Extension   map[string]json.RawMessage `json:"extension,omitempty"`
}

// fhirResource is the part of a DocumentReference or Bundle read here.
type fhirResource struct {
	ResourceType string `json:"resourceType"`
	Content      []struct {
		Attachment struct {
			ContentType string `json:"contentType"`
			Data        string `json:"data"`
		} `json:"attachment"`
	} `json:"content"`
	Entry []struct {
		Resource json.RawMessage `json:"resource"`
	} `json:"entry"`
}

// noteText finds the note: the context extension, the request extension,
// then the prefetched DocumentReference (or the first in a Bundle) whose
// attachment is text (base64 data).
func (r *cdsRequest) noteText() (string, error) {
	var ctxExt map[string]json.RawMessage
	if r.Context != nil {
		ctxExt = r.Context.Extension
	}
	for _, ext := range []map[string]json.RawMessage{ctxExt, r.Extension} {
		if raw, ok := ext[cdsNoteExtension]; ok {
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", fmt.Errorf("extension %s must be a string", cdsNoteExtension)
			}
			return s, nil
		}
	}
	raw, ok := r.Prefetch["note"]
	if !ok || len(raw) == 0 || string(raw) == "null" {
		return "", fmt.Errorf("no note: send prefetch \"note\" (DocumentReference) or context.extension %q", cdsNoteExtension)
	}
	return docText(raw, 0)
}

func docText(raw json.RawMessage, depth int) (string, error) {
	var res fhirResource
	if err := json.Unmarshal(raw, &res); err != nil {
		return "", fmt.Errorf("prefetch note is not a FHIR resource: %v", jsonError(err))
	}
	switch res.ResourceType {
	case "Bundle":
		if depth > 0 {
			return "", errors.New("prefetch note: nested Bundle")
		}
		for _, e := range res.Entry {
			if t, err := docText(e.Resource, depth+1); err == nil {
				return t, nil
			}
		}
		return "", errors.New("prefetch note: the Bundle holds no DocumentReference with a text attachment")
	case "DocumentReference":
		for i, ct := range res.Content {
			a := ct.Attachment
			if a.ContentType != "" {
				mt, _, err := mime.ParseMediaType(a.ContentType)
				if err != nil || !strings.HasPrefix(mt, "text/") {
					continue
				}
			}
			if a.Data == "" {
				continue
			}
			b, err := base64.StdEncoding.DecodeString(a.Data)
			if err != nil {
				return "", fmt.Errorf("prefetch note: content[%d].attachment.data is not base64", i)
			}
			if !utf8.Valid(b) {
				return "", fmt.Errorf("prefetch note: content[%d].attachment.data is not UTF-8 text", i)
			}
			return string(b), nil
		}
		return "", errors.New("prefetch note: the DocumentReference has no text attachment with data")
	}
	return "", fmt.Errorf("prefetch note: resourceType %q (want DocumentReference or Bundle)", res.ResourceType)
}

// CDS Hooks response shapes.
type cdsResponse struct {
	Cards []cdsCard `json:"cards"`
}

type cdsCard struct {
	UUID              string          `json:"uuid"`
	Summary           string          `json:"summary"`
	Detail            string          `json:"detail,omitempty"`
	Indicator         string          `json:"indicator"`
	Source            cdsSource       `json:"source"`
	Suggestions       []cdsSuggestion `json:"suggestions,omitempty"`
	SelectionBehavior string          `json:"selectionBehavior,omitempty"`
}

type cdsSource struct {
	Label string `json:"label"`
	URL   string `json:"url,omitempty"`
}

type cdsSuggestion struct {
	Label   string      `json:"label"`
	UUID    string      `json:"uuid"`
	Actions []cdsAction `json:"actions"`
}

type cdsAction struct {
	Type        string        `json:"type"`
	Description string        `json:"description"`
	Resource    fhirCondition `json:"resource"`
}

type fhirCondition struct {
	ResourceType       string         `json:"resourceType"`
	VerificationStatus fhirConcept    `json:"verificationStatus"`
	Category           []fhirConcept  `json:"category"`
	Code               fhirConcept    `json:"code"`
	Subject            *fhirReference `json:"subject,omitempty"`
	Encounter          *fhirReference `json:"encounter,omitempty"`
}

type fhirConcept struct {
	Coding []fhirCoding `json:"coding"`
	Text   string       `json:"text,omitempty"`
}

type fhirCoding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

type fhirReference struct {
	Reference string `json:"reference"`
}

// truncate cuts s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func (s *Server) cdsService(c *gin.Context) {
	var req cdsRequest
	if err := decodeJSON(c.Request.Body, &req, false); err != nil {
		bodyError(c, err)
		return
	}
	switch {
	case req.Hook != cdsHook:
		badRequest(c, fmt.Sprintf("hook %q: this service answers %q", req.Hook, cdsHook))
		return
	case req.Context == nil:
		badRequest(c, "context is missing (encounter-discharge needs userId, patientId and encounterId)")
		return
	case req.HookInstance == "":
		badRequest(c, "hookInstance is empty")
		return
	case len(req.HookInstance) > 128:
		badRequest(c, "hookInstance is longer than 128 bytes")
		return
	}
	text, err := req.noteText()
	if err != nil {
		badRequest(c, err.Error())
		return
	}
	if strings.TrimSpace(text) == "" {
		badRequest(c, "the note text is empty")
		return
	}
	if err := suggest.CheckNote(text); err != nil {
		requestError(c, "", noteError{err})
		return
	}
	dos, err := req.encounterDate() // picks the release (cdsdate.go)
	if err != nil {
		badRequest(c, err.Error())
		return
	}
	res, err := s.run(c.Request.Context(), req.HookInstance, suggest.Request{
		Text: text, Systems: []corpus.System{corpus.ICD10CM}, Setting: suggest.Inpatient, MaxResults: cdsMaxCards, DateOfService: dos,
	}, false)
	if err != nil {
		s.fail(c, "suggest", err)
		return
	}
	src := cdsSource{Label: "medcode"}
	if s.publicURL != "" {
		src.URL = s.publicURL + "/"
	}
	out := cdsResponse{Cards: []cdsCard{}}
	for _, sg := range res.Suggestions {
		if sg.System != string(corpus.ICD10CM) || len(out.Cards) == cdsMaxCards {
			continue
		}
		card := newCard(sg, *req.Context, src)
		s.cards.put(card.UUID, packCard(req.HookInstance, sg.System, sg.Code, matchedTerms(sg.Evidence)))
		out.Cards = append(out.Cards, card)
	}
	respond(c, http.StatusOK, out)
	s.release(res)
}

func newCard(sg suggest.Suggestion, ctx cdsContext, src cdsSource) cdsCard {
	cond := fhirCondition{
		ResourceType: "Condition",
		VerificationStatus: fhirConcept{Coding: []fhirCoding{{
			System: "http://terminology.hl7.org/CodeSystem/condition-ver-status", Code: "provisional", Display: "Provisional"}}},
		Category: []fhirConcept{{Coding: []fhirCoding{{
			System: "http://terminology.hl7.org/CodeSystem/condition-category", Code: "encounter-diagnosis", Display: "Encounter Diagnosis"}}}},
		Code: fhirConcept{Coding: []fhirCoding{{System: icdURI, Code: sg.Code, Display: sg.Display}}, Text: sg.Display},
	}
	if ctx.PatientID != "" {
		cond.Subject = &fhirReference{Reference: "Patient/" + ctx.PatientID}
	}
	if ctx.EncounterID != "" {
		cond.Encounter = &fhirReference{Reference: "Encounter/" + ctx.EncounterID}
	}
	var detail strings.Builder
	fmt.Fprintf(&detail, "Confidence %.0f%%.", sg.Confidence*100)
	if terms := matchedTerms(sg.Evidence); len(terms) > 0 {
		fmt.Fprintf(&detail, " Matched: %s.", strings.Join(terms, "; "))
	}
	for _, e := range sg.Edits {
		fmt.Fprintf(&detail, "\n\n- %s", e.Message)
	}
	return cdsCard{
		UUID:      newUUID(),
		Summary:   truncate(fmt.Sprintf("Consider ICD-10-CM %s: %s", sg.Code, sg.Display), 140),
		Detail:    detail.String(),
		Indicator: "info",
		Source:    src,
		Suggestions: []cdsSuggestion{{
			Label: truncate(fmt.Sprintf("Add diagnosis %s %s", sg.Code, sg.Display), 140),
			UUID:  newUUID(),
			Actions: []cdsAction{{
				Type:        "create",
				Description: truncate(fmt.Sprintf("Add %s (%s) to the encounter's diagnoses", sg.Code, sg.Display), 200),
				Resource:    cond,
			}},
		}},
		SelectionBehavior: "any",
	}
}

// cdsFeedbackBody is the CDS Hooks feedback request.
type cdsFeedbackBody struct {
	Feedback []struct {
		Card                string `json:"card"`
		Outcome             string `json:"outcome"`
		AcceptedSuggestions []struct {
			ID string `json:"id"`
		} `json:"acceptedSuggestions,omitempty"`
		OverrideReason *struct {
			Reason *struct {
				Code    string `json:"code"`
				System  string `json:"system"`
				Display string `json:"display"`
			} `json:"reason,omitempty"`
			UserComment string `json:"userComment,omitempty"`
		} `json:"overrideReason,omitempty"`
		OutcomeTimestamp string `json:"outcomeTimestamp"`
	} `json:"feedback"`
}

// cdsFeedback stores accepted (→ accepted) and overridden (→ rejected)
// outcomes for cards this server returned. Unknown cards are 404; the
// batch is validated whole, then stored in one transaction. Each event's
// idempotency key is the card and outcome, so a card accepted several
// times, in one call or by a retried call, counts once.
func (s *Server) cdsFeedback(c *gin.Context) {
	var b cdsFeedbackBody
	if err := decodeJSON(c.Request.Body, &b, false); err != nil {
		bodyError(c, err)
		return
	}
	if len(b.Feedback) == 0 {
		badRequest(c, "feedback is empty")
		return
	}
	if len(b.Feedback) > MaxBatch {
		badRequest(c, fmt.Sprintf("%d feedback entries; at most %d", len(b.Feedback), MaxBatch))
		return
	}
	events := make([]feedback.Event, 0, len(b.Feedback))
	for i, f := range b.Feedback {
		card := strings.TrimPrefix(f.Card, "urn:uuid:")
		ref, ok := s.cards.get(card)
		if !ok {
			problem(c, http.StatusNotFound, "unknown-card", "Unknown card", fmt.Sprintf("feedback[%d]: no recent card %q", i, f.Card))
			return
		}
		requestID, system, code, terms := ref.fields()
		e := feedback.Event{RequestID: requestID, System: system, Code: code, Terms: s.feedbackTerms(terms), User: "cds-hooks",
			Key: "cds:" + card + ":" + f.Outcome}
		switch f.Outcome {
		case "accepted":
			e.Action = feedback.Accepted
		case "overridden":
			e.Action = feedback.Rejected
			if o := f.OverrideReason; o != nil {
				var parts []string
				if o.Reason != nil && (o.Reason.Display != "" || o.Reason.Code != "") {
					parts = append(parts, strings.TrimSpace(o.Reason.Display+" ("+o.Reason.Code+")"))
				}
				if o.UserComment != "" {
					parts = append(parts, o.UserComment)
				}
				e.Reason = strings.Join(parts, ": ")
			}
		default:
			badRequest(c, fmt.Sprintf("feedback[%d]: outcome %q (want accepted or overridden)", i, f.Outcome))
			return
		}
		if f.OutcomeTimestamp != "" {
			t, err := time.Parse(time.RFC3339, f.OutcomeTimestamp)
			if err != nil {
				badRequest(c, fmt.Sprintf("feedback[%d]: outcomeTimestamp %q is not an ISO 8601 instant", i, f.OutcomeTimestamp))
				return
			}
			e.Created = t
		}
		events = append(events, e)
	}
	if _, err := s.store.AddAll(c.Request.Context(), events); err != nil {
		s.fail(c, "store feedback", err)
		return
	}
	respond(c, http.StatusOK, gin.H{})
}
