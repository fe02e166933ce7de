package nlp

import (
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// benchNote is a synthetic progress note of about 2 KB.
const benchNote = `CHIEF COMPLAINT: Shortness of breath and chest pain x 3 days.

HISTORY OF PRESENT ILLNESS: 67 y/o M w/ h/o HTN, T2DM, CKD3a and HFrEF (EF 30%) presents with worsening SOB, DOE and orthopnea. Reports 2-pillow orthopnea and PND. Denies fever, chills, cough or hemoptysis. No recent travel. Possible medication noncompliance: ran out of furosemide 1 week ago. Dr. Smith increased lisinopril to 20 mg b.i.d. last month.

PAST MEDICAL HISTORY:
1. Hypertension
2. Type 2 diabetes mellitus with diabetic nephropathy
3. CAD s/p CABG x3 (2015)
4. Remote history of DVT, resolved

FAMILY HISTORY: Mother with breast cancer; father had MI at 55.
SOCIAL HISTORY: Former smoker, quit 10 years ago. Occasional EtOH.
MEDICATIONS: metformin 500 mg PO BID, lisinopril 20 mg daily, furosemide 40 mg daily, ASA 81 mg.
ALLERGIES: NKDA.

REVIEW OF SYSTEMS: Negative for nausea, vomiting, abdominal pain, dysuria.
PHYSICAL EXAM:
VS: BP 158/92, HR 104, RR 22, SpO2 91% on RA.
General: mild respiratory distress.
Lungs: bibasilar crackles R > L. CV: tachycardic, no murmur. Ext: 2+ bilateral LE edema.

LABS: BNP 1450, Cr 1.9 (baseline 1.5), K 5.1, A1c 8.2%.
IMAGING: CXR with pulmonary vascular congestion and small bilateral pleural effusions; no focal consolidation. CTA chest negative for PE.

ASSESSMENT AND PLAN:
1. Acute on chronic systolic heart failure exacerbation, likely due to medication noncompliance - IV furosemide, daily weights, strict I/O.
2. AKI on CKD stage 3a - monitor Cr, hold metformin.
3. T2DM, uncontrolled - insulin sliding scale.
4. HTN - continue lisinopril; r/o ACS with serial troponins.
Return if chest pain or shortness of breath worsens. Follow up with cardiology in 1 week.
`

const benchName = "Type 2 diabetes mellitus with diabetic chronic kidney disease"

// note2KB is benchNote repeated and cut to exactly 2048 bytes.
func note2KB() string {
	return strings.Repeat(benchNote, 2)[:2048]
}

func benchPipeline(b *testing.B) *Pipeline {
	b.Helper()
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkAnalyze2KB(b *testing.B) {
	p := benchPipeline(b)
	text := note2KB()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Analyze(text)
	}
}

func BenchmarkAnalyzeParallel(b *testing.B) {
	p := benchPipeline(b)
	b.SetBytes(int64(len(benchNote)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			p.Analyze(benchNote)
		}
	})
}

func BenchmarkTermsName(b *testing.B) {
	p := benchPipeline(b)
	b.SetBytes(int64(len(benchName)))
	b.ReportAllocs()
	for b.Loop() {
		p.Terms(benchName)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenize measures the hand-written tokenizer alone, for
// comparison with BenchmarkProseTokenize on the same 2 KB of text.
func BenchmarkTokenize(b *testing.B) {
	p := benchPipeline(b)
	text := note2KB()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var raw []rawToken
	var buf []byte
	for b.Loop() {
		raw, buf = p.tokenizeFold(text, raw[:0], buf[:0])
	}
}

// BenchmarkProseTokenize is prose v2 with segmentation, tagging and
// extraction off, plus the byte-offset realignment it needs.
func BenchmarkProseTokenize(b *testing.B) {
	text := note2KB()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			b.Fatal(err)
		}
		off := 0
		for _, t := range doc.Tokens() {
			if k := strings.Index(text[off:], t.Text); k >= 0 {
				off += k + len(t.Text)
			}
		}
	}
}
