package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"medcode/corpus"
	"medcode/suggest"
)

// WriteReport writes r into dir (created if needed):
//
//	report.json      the report (as `medcode eval --json`)
//	report.md        the tables, linking the plots and case files
//	report.html      self-contained: tables and the SVG plots inline
//	pr.svg, reliability.svg, chapters.svg, confidence.svg
//	cases/<id>.md    per case: hits, misses and false positives with their
//	                 evidence and explanation (when r came from Run)
//
// The files contain no timestamps: the same report gives the same bytes.
func WriteReport(dir string, r *Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("eval: encode report: %w", err)
	}
	ps, err := plots(r)
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"report.json": append(js, '\n'),
		"report.md":   markdownReport(r, ps),
	}
	h, err := htmlReport(r, ps)
	if err != nil {
		return err
	}
	files["report.html"] = h
	for _, p := range ps {
		files[p.Name] = p.SVG
	}
	withDetail := false
	for i := range r.Results {
		if r.Results[i].Text != "" {
			withDetail = true
			break
		}
	}
	if withDetail {
		if err := os.MkdirAll(filepath.Join(dir, "cases"), 0o755); err != nil {
			return fmt.Errorf("eval: write report: %w", err)
		}
		for i := range r.Results {
			cr := &r.Results[i]
			files[filepath.Join("cases", caseFile(cr.ID))] = caseMarkdown(cr, r.Threshold)
		}
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fmt.Errorf("eval: write report: %w", err)
		}
	}
	return nil
}

// caseFile is a safe file name for a case id.
func caseFile(id string) string {
	b := []byte(id)
	for i, c := range b {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
		if !ok || (i == 0 && c == '.') {
			b[i] = '_'
		}
	}
	return string(b) + ".md"
}

func f4(v float64) string { return fmt.Sprintf("%.4f", v) }

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r", " ")
	return strings.ReplaceAll(s, "\n", " ")
}

type mdTable struct {
	b *bytes.Buffer
}

func (t mdTable) header(cols ...string) {
	fmt.Fprintf(t.b, "| %s |\n|", strings.Join(cols, " | "))
	for range cols {
		t.b.WriteString("---|")
	}
	t.b.WriteByte('\n')
}

func (t mdTable) row(cols ...string) { fmt.Fprintf(t.b, "| %s |\n", strings.Join(cols, " | ")) }

func markdownReport(r *Report, ps []plotFile) []byte {
	var b bytes.Buffer
	t := mdTable{&b}
	b.WriteString("# medcode eval report\n\n")
	fmt.Fprintf(&b, "%d cases (%d scored), %d gold codes; systems %s; %s; decision threshold %.2f.\n\n",
		r.Cases, r.ScoredCases, r.Gold, strings.Join(r.Systems, ", "), r.Setting, r.Threshold)

	b.WriteString("## Headline\n\n")
	t.header("metric", "value", "95% CI")
	t.row("MAP", f4(r.MAP), ci(r.CI.MAP, r.CI.Resamples))
	t.row("MRR", f4(r.MRR), "")
	t.row("micro F1", f4(r.Micro.F1), ci(r.CI.MicroF1, r.CI.Resamples))
	t.row(fmt.Sprintf("precision at threshold (%d suggestions ≥ %.2f)", r.Micro.TP+r.Micro.FP, r.Threshold), f4(r.Micro.Precision), "")
	t.row("R@15", f4(r.RecallAt["15"]), "")
	t.row(fmt.Sprintf("rank-1 accuracy (%d single-code cases)", r.Rank1Cases), f4(r.Rank1), "")
	t.row("ECE", f4(r.ECE), "")
	t.row("ECE of the suggestions at or above the threshold", f4(r.ECEMade), "")
	t.row("Brier", f4(r.Brier), "")

	b.WriteString("\n## Match levels\n\n")
	t.header("level", "MAP", "MRR", "precision", "recall", "F1", "tp", "fp", "fn")
	lv := func(name string, l Level) {
		t.row(name, f4(l.MAP), f4(l.MRR), f4(l.Micro.Precision), f4(l.Micro.Recall), f4(l.Micro.F1),
			fmt.Sprint(l.Micro.TP), fmt.Sprint(l.Micro.FP), fmt.Sprint(l.Micro.FN))
	}
	lv("exact", Level{MAP: r.MAP, MRR: r.MRR, Micro: r.Micro})
	lv("parent", r.Parent)
	lv("category", r.Category)
	fmt.Fprintf(&b, "\nMacro (mean over %d codes): precision %s, recall %s, F1 %s.\n",
		r.Macro.Labels, f4(r.Macro.Precision), f4(r.Macro.Recall), f4(r.Macro.F1))

	b.WriteString("\n## Ranking\n\n")
	t.header("k", "P@k", "R@k")
	for _, k := range ks {
		s := fmt.Sprint(k)
		t.row(s, f4(r.PrecisionAt[s]), f4(r.RecallAt[s]))
	}

	if len(r.Topics) > 0 {
		b.WriteString("\n## Topics\n\n")
		t.header("topic", "cases", "MAP", "MRR", "P@1", "rank-1", "single-code cases")
		for _, tp := range r.Topics {
			t.row(cell(tp.Topic), fmt.Sprint(tp.Cases), f4(tp.MAP), f4(tp.MRR), f4(tp.P1), f4(tp.Rank1), fmt.Sprint(tp.Rank1Cases))
		}
	}

	b.WriteString("\n## Calibration\n\n")
	fmt.Fprintf(&b, "ECE %s (10 equal-width bins; %s over the suggestions at or above the threshold), Brier %s.\n\n", f4(r.ECE), f4(r.ECEMade), f4(r.Brier))
	t.header("confidence", "suggestions", "mean confidence", "fraction correct")
	for _, bin := range r.Reliability {
		t.row(fmt.Sprintf("%.1f–%.1f", bin.Lo, bin.Hi), fmt.Sprint(bin.Count), f4(bin.Confidence), f4(bin.Accuracy))
	}

	b.WriteString("\n## Threshold sweep\n\n")
	t.header("threshold", "predicted", "precision", "recall", "F1")
	for _, s := range r.ThresholdSweep {
		t.row(fmt.Sprintf("%.2f", s.Threshold), fmt.Sprint(s.Predicted), f4(s.Precision), f4(s.Recall), f4(s.F1))
	}

	b.WriteString("\n## Chapters\n\n")
	t.header("chapter", "title", "gold", "predicted", "tp", "precision", "recall", "F1")
	for _, c := range r.Chapters {
		t.row(c.Chapter, cell(c.Title), fmt.Sprint(c.Gold), fmt.Sprint(c.Predicted), fmt.Sprint(c.TP), f4(c.Precision), f4(c.Recall), f4(c.F1))
	}

	b.WriteString("\n## Latency\n\n")
	t.header("p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms")
	l := r.LatencyMs
	t.row(fmt.Sprintf("%.1f", l.P50), fmt.Sprintf("%.1f", l.P95), fmt.Sprintf("%.1f", l.P99), fmt.Sprintf("%.1f", l.Max), fmt.Sprintf("%.1f", l.Mean))

	b.WriteString("\n## Plots\n\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "![%s](%s)\n", p.Title, p.Name)
	}

	b.WriteString("\n## Cases\n\n")
	t.header("case", "gold", "AP", "RR", "tp", "fp", "fn")
	for _, c := range r.Results {
		name := cell(c.ID)
		if c.Text != "" {
			name = fmt.Sprintf("[%s](cases/%s)", cell(c.ID), caseFile(c.ID))
		}
		t.row(name, fmt.Sprint(c.Gold), f4(c.AP), f4(c.RR), fmt.Sprint(c.TP), fmt.Sprint(c.FP), fmt.Sprint(c.FN))
	}
	return b.Bytes()
}

func ci(v [2]float64, n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("[%s, %s]", f4(v[0]), f4(v[1]))
}

// caseMarkdown lists a case's hits, false positives and misses with the
// evidence and explanation behind each suggestion.
func caseMarkdown(cr *CaseResult, threshold float64) []byte {
	var b bytes.Buffer
	t := mdTable{&b}
	fmt.Fprintf(&b, "# Case %s\n\n", cr.ID)
	fmt.Fprintf(&b, "%d gold codes; AP %s, RR %s; at threshold %.2f: %d hits, %d false positives, %d misses.\n",
		cr.Gold, f4(cr.AP), f4(cr.RR), threshold, cr.TP, cr.FP, cr.FN)

	// The first suggestion of each code, and its prediction.
	first := make(map[string]*suggest.Suggestion)
	for i := range cr.Suggestions {
		s := &cr.Suggestions[i]
		if k, ok := suggestionKey(s.System, s.Code); ok && first[k] == nil {
			first[k] = s
		}
	}
	rank := make(map[string]Prediction)
	for _, p := range cr.Predictions {
		rank[p.System+"|"+p.Code] = p
	}
	byRank := func(keys []string) []string {
		out := append([]string(nil), keys...)
		sort.SliceStable(out, func(i, j int) bool { return rank[out[i]].Rank < rank[out[j]].Rank })
		return out
	}
	section := func(title string, keys []string) {
		fmt.Fprintf(&b, "\n## %s (%d)\n\n", title, len(keys))
		if len(keys) == 0 {
			return
		}
		t.header("rank", "code", "display", "confidence", "evidence", "why")
		for _, k := range keys {
			p := rank[k]
			s := first[k]
			display, ev, why := "", "", ""
			if s != nil {
				display, ev, why = s.Display, evidenceText(s.Evidence), explanationText(s.Explanation)
			}
			t.row(fmt.Sprint(p.Rank), p.Code, cell(display), fmt.Sprintf("%.3f", p.Confidence), cell(ev), cell(why))
		}
	}
	section("Hits", byRank(cr.Hits))
	section("False positives", byRank(cr.FalsePositives))

	fmt.Fprintf(&b, "\n## Misses (%d)\n\n", len(cr.Misses))
	if len(cr.Misses) > 0 {
		notes := make(map[string]string)
		for _, g := range cr.GoldCodes {
			notes[key(g.System, g.Code)] = g.Note
		}
		rejected := make(map[string]string)
		for _, rj := range cr.Rejected {
			if k, ok := suggestionKey(rj.System, rj.Code); ok && rejected[k] == "" {
				rejected[k] = fmt.Sprintf("rejected (%s): %s", rj.Rule, rj.Reason)
				if ev := evidenceText(rj.Evidence); ev != "" {
					rejected[k] += " — " + ev
				}
			}
		}
		t.header("code", "gold note", "ranked", "closest suggestion")
		for _, k := range cr.Misses {
			_, code, _ := cutKey(k)
			ranked := "not suggested"
			if p, ok := rank[k]; ok {
				ranked = fmt.Sprintf("rank %d at %.3f (below threshold)", p.Rank, p.Confidence)
			} else if why := rejected[k]; why != "" {
				ranked = why
			}
			t.row(code, cell(notes[k]), cell(ranked), cell(closest(k, cr.Predictions)))
		}
	}
	return b.Bytes()
}

// suggestionKey is the scoring key of an engine's system and code.
func suggestionKey(system, code string) (string, bool) {
	sys, err := parseSystem(system)
	if err != nil {
		return "", false
	}
	return key(sys, corpus.NormalizeCode(sys, code)), true
}

// closest names the best-ranked prediction matching a missed gold code at
// parent or category level.
func closest(goldKey string, preds []Prediction) string {
	_, gold, _ := cutKey(goldKey)
	for _, p := range preds {
		if p.Code != gold && strings.HasPrefix(p.Code, gold) {
			return fmt.Sprintf("%s (rank %d, parent match)", p.Code, p.Rank)
		}
	}
	if len(gold) >= 3 {
		for _, p := range preds {
			if p.Code != gold && strings.HasPrefix(p.Code, gold[:3]) {
				return fmt.Sprintf("%s (rank %d, same category)", p.Code, p.Rank)
			}
		}
	}
	return ""
}

func evidenceText(ev []suggest.Evidence) string {
	var parts []string
	for _, e := range ev {
		s := fmt.Sprintf("%q [%d:%d]", e.Text, e.Start, e.End)
		if e.Matched != "" {
			s += fmt.Sprintf(" ~ %s %q", e.MatchedKind, e.Matched)
		}
		if len(e.Assertions) > 0 {
			s += " (" + strings.Join(e.Assertions, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// explanationText flattens an explanation tree: "msg (v) ← child (v); ...".
func explanationText(e suggest.Explanation) string {
	if e.Message == "" && len(e.Children) == 0 {
		return ""
	}
	s := fmt.Sprintf("%s (%.3f)", e.Message, e.Value)
	var kids []string
	for _, c := range e.Children {
		kids = append(kids, explanationText(c))
	}
	if len(kids) > 0 {
		s += ": " + strings.Join(kids, "; ")
	}
	return s
}

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"f4":  f4,
	"ci":  ci,
	"add": func(a, b int) int { return a + b },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>medcode eval report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
figure{display:inline-block;margin:.5em}figcaption{text-align:center;color:#555}
</style></head><body>
<h1>medcode eval report</h1>
<p>{{.R.Cases}} cases ({{.R.ScoredCases}} scored), {{.R.Gold}} gold codes; systems {{.Systems}}; {{.R.Setting}}; decision threshold {{printf "%.2f" .R.Threshold}}.</p>
<h2>Headline</h2>
<table><tr><th>metric</th><th>value</th><th>95% CI</th></tr>
<tr><td>MAP</td><td>{{f4 .R.MAP}}</td><td>{{ci .R.CI.MAP .R.CI.Resamples}}</td></tr>
<tr><td>MRR</td><td>{{f4 .R.MRR}}</td><td></td></tr>
<tr><td>micro F1</td><td>{{f4 .R.Micro.F1}}</td><td>{{ci .R.CI.MicroF1 .R.CI.Resamples}}</td></tr>
<tr><td>macro F1</td><td>{{f4 .R.Macro.F1}}</td><td></td></tr>
<tr><td>precision at threshold ({{add .R.Micro.TP .R.Micro.FP}} suggestions)</td><td>{{f4 .R.Micro.Precision}}</td><td></td></tr>
<tr><td>R@15</td><td>{{f4 (index .R.RecallAt "15")}}</td><td></td></tr>
<tr><td>rank-1 accuracy ({{.R.Rank1Cases}} single-code cases)</td><td>{{f4 .R.Rank1}}</td><td></td></tr>
<tr><td>ECE</td><td>{{f4 .R.ECE}}</td><td></td></tr>
<tr><td>ECE at threshold</td><td>{{f4 .R.ECEMade}}</td><td></td></tr>
<tr><td>Brier</td><td>{{f4 .R.Brier}}</td><td></td></tr>
<tr><td>latency p50 / p95 / p99 ms</td><td>{{printf "%.1f / %.1f / %.1f" .R.LatencyMs.P50 .R.LatencyMs.P95 .R.LatencyMs.P99}}</td><td></td></tr>
</table>
{{if .R.Topics}}<h2>Topics</h2>
<table><tr><th>topic</th><th>cases</th><th>MAP</th><th>MRR</th><th>P@1</th><th>rank-1</th><th>single-code cases</th></tr>
{{range .R.Topics}}<tr><td>{{.Topic}}</td><td>{{.Cases}}</td><td>{{f4 .MAP}}</td><td>{{f4 .MRR}}</td><td>{{f4 .P1}}</td><td>{{f4 .Rank1}}</td><td>{{.Rank1Cases}}</td></tr>
{{end}}</table>{{end}}
<h2>Match levels</h2>
<table><tr><th>level</th><th>MAP</th><th>MRR</th><th>precision</th><th>recall</th><th>F1</th></tr>
{{range .Levels}}<tr><td>{{.Name}}</td><td>{{f4 .L.MAP}}</td><td>{{f4 .L.MRR}}</td><td>{{f4 .L.Micro.Precision}}</td><td>{{f4 .L.Micro.Recall}}</td><td>{{f4 .L.Micro.F1}}</td></tr>
{{end}}</table>
<h2>Plots</h2>
{{range .Plots}}<figure>{{.SVG}}<figcaption>{{.Title}}</figcaption></figure>
{{end}}
<h2>Chapters</h2>
<table><tr><th>chapter</th><th>title</th><th>gold</th><th>predicted</th><th>tp</th><th>precision</th><th>recall</th><th>F1</th></tr>
{{range .R.Chapters}}<tr><td>{{.Chapter}}</td><td style="text-align:left">{{.Title}}</td><td>{{.Gold}}</td><td>{{.Predicted}}</td><td>{{.TP}}</td><td>{{f4 .Precision}}</td><td>{{f4 .Recall}}</td><td>{{f4 .F1}}</td></tr>
{{end}}</table>
<h2>Threshold sweep</h2>
<table><tr><th>threshold</th><th>predicted</th><th>precision</th><th>recall</th><th>F1</th></tr>
{{range .R.ThresholdSweep}}<tr><td>{{printf "%.2f" .Threshold}}</td><td>{{.Predicted}}</td><td>{{f4 .Precision}}</td><td>{{f4 .Recall}}</td><td>{{f4 .F1}}</td></tr>
{{end}}</table>
<h2>Cases</h2>
<table><tr><th>case</th><th>gold</th><th>AP</th><th>tp</th><th>fp</th><th>fn</th></tr>
{{range .R.Results}}<tr><td>{{.ID}}</td><td>{{.Gold}}</td><td>{{f4 .AP}}</td><td>{{.TP}}</td><td>{{.FP}}</td><td>{{.FN}}</td></tr>
{{end}}</table>
</body></html>
`))

func htmlReport(r *Report, ps []plotFile) ([]byte, error) {
	type inline struct {
		Title string
		SVG   template.HTML
	}
	type level struct {
		Name string
		L    Level
	}
	data := struct {
		R       *Report
		Systems string
		Levels  []level
		Plots   []inline
	}{R: r, Systems: strings.Join(r.Systems, ", ")}
	data.Levels = []level{
		{"exact", Level{MAP: r.MAP, MRR: r.MRR, Micro: r.Micro}},
		{"parent", r.Parent},
		{"category", r.Category},
	}
	for _, p := range ps {
		svg := p.SVG
		if i := bytes.Index(svg, []byte("<svg")); i > 0 {
			svg = svg[i:] // drop the XML prolog for inlining
		}
		// The SVG is generated here from numbers and fixed labels.
		data.Plots = append(data.Plots, inline{Title: p.Title, SVG: template.HTML(svg)})
	}
	var b bytes.Buffer
	if err := htmlTmpl.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("eval: html report: %w", err)
	}
	return b.Bytes(), nil
}
