package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// notes are short clinical notes in our own words.
var notes = []string{
	"Established patient office visit. Type 2 diabetes mellitus without complications, A1c 6.9. Essential hypertension on lisinopril. Denies chest pain.",
	"Chief complaint: shortness of breath. Assessment: COPD with acute exacerbation. No fever. Plan: prednisone, nebulized albuterol.",
	"Fall on outstretched hand. X-ray shows closed fracture of the distal radius, right side. Initial encounter. Splint applied.",
	"Patient with chronic kidney disease stage 3a and type 2 diabetes with diabetic nephropathy. Mother had breast cancer.",
	"ED visit for chest pain, rule out pulmonary embolism. CT negative. Final diagnosis: atypical chest pain.",
	"Follow-up of major depressive disorder, recurrent, moderate. Sleep improved on sertraline. No suicidal ideation.",
	"Acute cystitis without hematuria. Urinalysis positive for leukocytes. Started nitrofurantoin.",
	"Community acquired pneumonia, right lower lobe. Admitted for IV ceftriaxone and azithromycin. History of hypertension.",
}

// kase is one kind of request; run sends it and records the answer.
type kase struct {
	name   string
	class  string // good or hostile
	weight int
	run    func(s *soaker, rng *rand.Rand, name string)
}

func jsonBody(v any) io.Reader {
	b, _ := json.Marshal(v)
	return strings.NewReader(string(b))
}

func cdsBody(hookInstance string, ctx bool, note string, attach []byte) string {
	b := `{"hook":"encounter-discharge","hookInstance":"` + hookInstance + `"`
	if ctx {
		ext := ""
		if note != "" {
			nb, _ := json.Marshal(note)
			ext = `,"extension":{"org.medcode.note-text":` + string(nb) + `}`
		}
		b += `,"context":{"userId":"Practitioner/1","patientId":"p1","encounterId":"e1"` + ext + `}`
	}
	if attach != nil {
		b += `,"prefetch":{"note":{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"` +
			base64.StdEncoding.EncodeToString(attach) + `"}}]}}`
	}
	return b + "}"
}

// suggestion is the part of a suggest answer the corpus reads.
type suggestion struct {
	RequestID   string `json:"requestId"`
	Suggestions []struct {
		System string `json:"system"`
		Code   string `json:"code"`
	} `json:"suggestions"`
}

// suggestOne codes a note and returns the answer (ok false when it failed).
func (s *soaker) suggestOne(rng *rand.Rand, name string) (suggestion, bool) {
	st, b, err := s.do(req{method: "POST", path: "/v1/suggest", body: jsonBody(map[string]any{"text": notes[rng.IntN(len(notes))]})})
	var out suggestion
	if !s.record("good", name, st, err, 200) {
		return out, false
	}
	return out, json.Unmarshal(b, &out) == nil && out.RequestID != ""
}

// feedbackOK are the answers to acknowledged feedback: stored, or a
// replay of a stored key.
var feedbackOK = []int{201, 200}

var cases = []kase{
	{"suggest", "good", 10, func(s *soaker, rng *rand.Rand, name string) { s.suggestOne(rng, name) }},
	{"batch", "good", 3, func(s *soaker, rng *rand.Rand, name string) {
		ns := []map[string]any{}
		for i := range 3 {
			ns = append(ns, map[string]any{"id": fmt.Sprint(i), "text": notes[rng.IntN(len(notes))]})
		}
		st, _, err := s.do(req{method: "POST", path: "/v1/suggest/batch", body: jsonBody(map[string]any{"notes": ns})})
		s.record("good", name, st, err, 200)
	}},
	{"search", "good", 3, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: "GET", path: "/v1/codes/search?q=diab&limit=5"})
		s.record("good", name, st, err, 200)
	}},
	{"code details", "good", 2, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: "GET", path: "/v1/codes/icd10cm/E11.9"})
		s.record("good", name, st, err, 200)
	}},
	{"feedback", "good", 12, func(s *soaker, rng *rand.Rand, name string) {
		gen := s.gen.Load()
		sg, ok := s.suggestOne(rng, "suggest before feedback")
		if !ok || len(sg.Suggestions) == 0 {
			return
		}
		first := sg.Suggestions[0]
		action := []string{"accepted", "rejected"}[rng.IntN(2)]
		key := fmt.Sprintf("soak-%d", s.nextID.Add(1))
		for range 1 + rng.IntN(2) { // sometimes a retry of the same key
			s.inflight.Add(1)
			st, _, err := s.do(req{method: "POST", path: "/v1/feedback", hdr: []string{"Idempotency-Key", key},
				body: jsonBody(map[string]any{"requestId": sg.RequestID, "system": first.System, "code": first.Code, "action": action, "user": "soak"})})
			s.inflight.Add(-1)
			want := feedbackOK
			if err == nil && st == 404 && s.gen.Load() != gen {
				want = []int{404} // the child restarted between suggest and feedback
			}
			if s.record("good", name, st, err, want...) && st != 404 {
				s.ack(key)
			}
		}
	}},
	{"feedback added", "good", 3, func(s *soaker, rng *rand.Rand, name string) {
		gen := s.gen.Load()
		sg, ok := s.suggestOne(rng, "suggest before feedback")
		if !ok {
			return
		}
		key := fmt.Sprintf("soak-%d", s.nextID.Add(1))
		s.inflight.Add(1)
		st, _, err := s.do(req{method: "POST", path: "/v1/feedback", hdr: []string{"Idempotency-Key", key},
			body: jsonBody(map[string]any{"requestId": sg.RequestID, "system": "icd10cm", "code": "I10", "action": "added"})})
		s.inflight.Add(-1)
		want := feedbackOK
		if err == nil && st == 404 && s.gen.Load() != gen {
			want = []int{404}
		}
		if s.record("good", name, st, err, want...) && st != 404 {
			s.ack(key)
		}
	}},
	{"cds service and feedback", "good", 4, func(s *soaker, rng *rand.Rand, name string) {
		gen := s.gen.Load()
		hi := fmt.Sprintf("soak-hook-%d", s.nextID.Add(1))
		st, b, err := s.do(req{method: "POST", path: "/cds-services/medcode-coding", body: strings.NewReader(cdsBody(hi, true, "", []byte(notes[rng.IntN(len(notes))])))})
		if !s.record("good", "cds service", st, err, 200) {
			return
		}
		var res struct{ Cards []struct{ UUID string } }
		if json.Unmarshal(b, &res) != nil || len(res.Cards) == 0 {
			return
		}
		// The first card accepted three times, the last overridden; sent twice.
		card0, cardN := res.Cards[0].UUID, res.Cards[len(res.Cards)-1].UUID
		items := []string{}
		for range 3 {
			items = append(items, `{"card":"`+card0+`","outcome":"accepted"}`)
		}
		keys := []string{"cds:" + card0 + ":accepted"}
		if cardN != card0 {
			items = append(items, `{"card":"`+cardN+`","outcome":"overridden","overrideReason":{"userComment":"not documented"}}`)
			keys = append(keys, "cds:"+cardN+":overridden")
		}
		for range 2 {
			s.inflight.Add(1)
			st, _, err := s.do(req{method: "POST", path: "/cds-services/medcode-coding/feedback", body: strings.NewReader(`{"feedback":[` + strings.Join(items, ",") + `]}`)})
			s.inflight.Add(-1)
			want := []int{200}
			if err == nil && st == 404 && s.gen.Load() != gen {
				want = []int{404}
			}
			if s.record("good", name, st, err, want...) && st == 200 {
				for _, k := range keys {
					s.ack(k)
				}
			}
		}
	}},
	{"stats", "good", 1, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: "GET", path: "/v1/feedback/stats"})
		s.record("good", name, st, err, 200)
	}},
	{"metrics", "good", 1, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: "GET", path: "/metrics", noKey: true})
		s.record("good", name, st, err, 200)
	}},

	// Hostile: each expects its own 4xx.
	{"NUL note", "hostile", 2, hostile(400, req{method: "POST", path: "/v1/suggest", body: strings.NewReader(`{"text":"a \u0000 b"}`)})},
	{"control-character note", "hostile", 2, hostile(400, req{method: "POST", path: "/v1/suggest", body: strings.NewReader(`{"text":"a \u0001 b"}`)})},
	{"binary note in batch", "hostile", 1, hostile(400, req{method: "POST", path: "/v1/suggest/batch", body: strings.NewReader(`{"notes":[{"text":"diabetes"},{"text":"\u0000\u0001\u0002"}]}`)})},
	{"NUL CDS note", "hostile", 1, hostileFn(400, func() req {
		return req{method: "POST", path: "/cds-services/medcode-coding", body: strings.NewReader(cdsBody("h-nul", true, "a \x00 b", nil))}
	})},
	{"NUL CDS attachment", "hostile", 1, hostileFn(400, func() req {
		return req{method: "POST", path: "/cds-services/medcode-coding", body: strings.NewReader(cdsBody("h-att", true, "", []byte("chest pain \x00\x00\x00")))}
	})},
	{"CDS without context", "hostile", 1, hostileFn(400, func() req {
		return req{method: "POST", path: "/cds-services/medcode-coding", body: strings.NewReader(cdsBody("h-noctx", false, "", []byte("chest pain")))}
	})},
	{"body over 100 KB", "hostile", 1, hostileFn(413, func() req {
		return req{method: "POST", path: "/v1/suggest", body: strings.NewReader(`{"text":"` + strings.Repeat("pain ", 30000) + `"}`)}
	})},
	{"malformed JSON", "hostile", 2, hostile(400, req{method: "POST", path: "/v1/suggest", body: strings.NewReader(`{"text": "a"`)})},
	{"duplicate key", "hostile", 1, hostile(400, req{method: "POST", path: "/v1/suggest", body: strings.NewReader(`{"text":"a","text":"diabetes"}`)})},
	{"case-folded key", "hostile", 1, hostile(400, req{method: "POST", path: "/v1/suggest", body: strings.NewReader(`{"TEXT":"diabetes"}`)})},
	{"deep nesting", "hostile", 1, hostileFn(400, func() req {
		return req{method: "POST", path: "/v1/suggest", body: strings.NewReader(strings.Repeat("[", 40000) + strings.Repeat("]", 40000))}
	})},
	{"text/plain body", "hostile", 2, hostileFn(415, func() req {
		return req{method: "POST", path: "/v1/feedback", hdr: []string{"Content-Type", "text/plain"}, body: strings.NewReader(`{"requestId":"x","system":"icd10cm","code":"E11.9","action":"accepted"}`)}
	})},
	{"cross-site POST", "hostile", 2, hostileFn(403, func() req {
		return req{method: "POST", path: "/v1/suggest", hdr: []string{"Origin", "https://evil.example"}, body: strings.NewReader(`{"text":"diabetes"}`)}
	})},
	{"cross-site preflight", "hostile", 1, hostile(403, req{method: "OPTIONS", path: "/v1/feedback", hdr: []string{"Origin", "https://evil.example", "Access-Control-Request-Method", "POST"}})},
	{"no API key", "hostile", 2, hostileFn(401, func() req {
		return req{method: "POST", path: "/v1/suggest", noKey: true, body: strings.NewReader(`{"text":"diabetes"}`)}
	})},
	{"wrong API key", "hostile", 1, hostileFn(401, func() req {
		return req{method: "GET", path: "/v1/feedback/stats", noKey: true, hdr: []string{"X-API-Key", "guess"}}
	})},
	{"junk method", "hostile", 2, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: fmt.Sprintf("JUNK%d", rng.IntN(100000)), path: "/v1/suggest"})
		s.record("hostile", name, st, err, 405)
	}},
	{"unknown route", "hostile", 1, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: "GET", path: fmt.Sprintf("/v1/x%d/%s", rng.IntN(100000), strings.Repeat("a", 2000))})
		s.record("hostile", name, st, err, 404)
	}},
	{"feedback for a request never issued", "hostile", 2, func(s *soaker, rng *rand.Rand, name string) {
		st, _, err := s.do(req{method: "POST", path: "/v1/feedback", body: jsonBody(map[string]any{
			"requestId": fmt.Sprintf("forged-%d", rng.IntN(1e9)), "system": "icd10cm", "code": "E11.9", "action": "accepted"})})
		s.record("hostile", name, st, err, 404)
	}},
	{"feedback with an unknown code", "hostile", 2, func(s *soaker, rng *rand.Rand, name string) {
		sg, ok := s.suggestOne(rng, "suggest before feedback")
		if !ok {
			return
		}
		st, _, err := s.do(req{method: "POST", path: "/v1/feedback", body: jsonBody(map[string]any{
			"requestId": sg.RequestID, "system": "icd10cm", "code": "ZZZ.99", "action": "added"})})
		s.record("hostile", name, st, err, 404)
	}},
	{"CDS feedback with an unknown card", "hostile", 1, hostile(404, req{method: "POST", path: "/cds-services/medcode-coding/feedback",
		body: strings.NewReader(`{"feedback":[{"card":"00000000-0000-4000-8000-000000000000","outcome":"accepted"}]}`)})},
	{"Host header", "hostile", 1, func(s *soaker, rng *rand.Rand, name string) {
		st, b, err := s.do(req{method: "POST", path: "/cds-services/medcode-coding", hdr: []string{"Host", "evil.example"},
			body: strings.NewReader(cdsBody("h-host", true, notes[0], nil))})
		if err == nil && strings.Contains(string(b), "evil.example") {
			st = 999 // reflected: unexpected
		}
		s.record("hostile", name, st, err, 200)
	}},
	{"slow body", "hostile", 1, func(s *soaker, rng *rand.Rand, name string) {
		gen, t0 := s.gen.Load(), time.Now()
		st, _, err := s.do(req{method: "POST", path: "/v1/suggest", body: &dripReader{s: `{"text":"diabetes and hypertension"}`, every: 300 * time.Millisecond}})
		if err != nil && isConnErr(err) && s.gen.Load() == gen && time.Since(t0) < 5*time.Second {
			// The server answered 408 and closed while the body was still
			// being written: the client sees the closed connection first.
			s.recordClosed("hostile", name)
			return
		}
		s.record("hostile", name, st, err, 408)
	}},
}

func hostile(status int, r req) func(*soaker, *rand.Rand, string) {
	body := ""
	if r.body != nil {
		b, _ := io.ReadAll(r.body)
		body = string(b)
	}
	return hostileFn(status, func() req {
		c := r
		if r.body != nil {
			c.body = strings.NewReader(body)
		}
		return c
	})
}

func hostileFn(status int, mk func() req) func(*soaker, *rand.Rand, string) {
	return func(s *soaker, _ *rand.Rand, name string) {
		st, _, err := s.do(mk())
		s.record("hostile", name, st, err, status)
	}
}

// dripReader sends one byte per tick.
type dripReader struct {
	s     string
	i     int
	every time.Duration
}

func (d *dripReader) Read(p []byte) (int, error) {
	if d.i >= len(d.s) {
		return 0, io.EOF
	}
	time.Sleep(d.every)
	p[0] = d.s[d.i]
	d.i++
	return 1, nil
}

func (s *soaker) ack(key string) {
	s.mu.Lock()
	s.acked[key] = true
	s.mu.Unlock()
}

// work sends cases, weighted at random, until the traffic is over; it
// waits while the child is (re)loading.
func (s *soaker) work(seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x50a4))
	total := 0
	for _, c := range cases {
		total += c.weight
	}
	for !s.stop.Load() {
		s.waitReady()
		if s.stop.Load() {
			return
		}
		n := rng.IntN(total)
		for _, c := range cases {
			if n < c.weight {
				c.run(s, rng, c.name)
				break
			}
			n -= c.weight
		}
	}
}
