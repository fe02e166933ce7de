package eval

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Plot sizes.
const (
	plotW = 5 * vg.Inch
	plotH = 3.5 * vg.Inch
)

var (
	blue = color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}
	red  = color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	grey = color.RGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
)

// plotFile is one named SVG plot of a report.
type plotFile struct {
	Name  string // file name, "pr.svg"
	Title string
	SVG   []byte
}

// plots renders every plot of r, in a fixed order.
func plots(r *Report) ([]plotFile, error) {
	makers := []struct {
		name, title string
		make        func(*Report) (*plot.Plot, error)
	}{
		{"pr.svg", "Precision-recall (threshold sweep)", prPlot},
		{"reliability.svg", "Reliability diagram", reliabilityPlot},
		{"chapters.svg", "F1 and recall per chapter", chapterPlot},
		{"confidence.svg", "Confidence histogram", confidencePlot},
	}
	var out []plotFile
	for _, m := range makers {
		p, err := m.make(r)
		if err != nil {
			return nil, fmt.Errorf("eval: plot %s: %w", m.name, err)
		}
		b, err := renderSVG(p)
		if err != nil {
			return nil, fmt.Errorf("eval: plot %s: %w", m.name, err)
		}
		out = append(out, plotFile{Name: m.name, Title: m.title, SVG: b})
	}
	return out, nil
}

// renderSVG draws p on an SVG canvas without embedded fonts; the output has
// no timestamps and is the same for the same plot.
func renderSVG(p *plot.Plot) ([]byte, error) {
	c := vgsvg.NewWith(vgsvg.UseWH(plotW, plotH))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func unitAxes(p *plot.Plot) {
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = 0, 1
	p.Add(plotter.NewGrid())
}

func prPlot(r *Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Precision-recall (micro, exact match)"
	p.X.Label.Text = "recall"
	p.Y.Label.Text = "precision"
	unitAxes(p)
	var xys plotter.XYs
	for _, s := range r.ThresholdSweep {
		if s.Predicted > 0 {
			xys = append(xys, plotter.XY{X: s.Recall, Y: s.Precision})
		}
	}
	if len(xys) > 0 {
		l, pts, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		l.Color, pts.Color = blue, blue
		p.Add(l, pts)
	}
	return p, nil
}

func reliabilityPlot(r *Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("Reliability (ECE %.3f, Brier %.3f)", r.ECE, r.Brier)
	p.X.Label.Text = "mean confidence"
	p.Y.Label.Text = "fraction correct"
	unitAxes(p)
	diag, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return nil, err
	}
	diag.Color = grey
	diag.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
	p.Add(diag)
	var xys plotter.XYs
	for _, b := range r.Reliability {
		if b.Count > 0 {
			xys = append(xys, plotter.XY{X: b.Confidence, Y: b.Accuracy})
		}
	}
	if len(xys) > 0 {
		l, pts, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		l.Color, pts.Color = red, red
		p.Add(l, pts)
	}
	return p, nil
}

func chapterPlot(r *Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Per chapter (exact match at the threshold)"
	p.Y.Label.Text = "score"
	p.Y.Min, p.Y.Max = 0, 1
	if len(r.Chapters) == 0 {
		return p, nil
	}
	f1s := make(plotter.Values, len(r.Chapters))
	recs := make(plotter.Values, len(r.Chapters))
	names := make([]string, len(r.Chapters))
	for i, c := range r.Chapters {
		f1s[i], recs[i] = c.F1, c.Recall
		names[i] = strings.TrimPrefix(c.Chapter, "ICD-10-CM ")
	}
	w := vg.Points(7)
	bf, err := plotter.NewBarChart(f1s, w)
	if err != nil {
		return nil, err
	}
	br, err := plotter.NewBarChart(recs, w)
	if err != nil {
		return nil, err
	}
	bf.Color, bf.LineStyle.Width, bf.Offset = blue, 0, -w/2
	br.Color, br.LineStyle.Width, br.Offset = red, 0, w/2
	p.Add(bf, br)
	p.Legend.Add("F1", bf)
	p.Legend.Add("recall", br)
	p.Legend.Top = true
	p.NominalX(names...)
	p.X.Label.Text = "ICD-10-CM chapter"
	return p, nil
}

func confidencePlot(r *Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Confidence of ranked suggestions"
	p.Y.Label.Text = "suggestions"
	p.X.Label.Text = "confidence bin"
	if len(r.ConfidenceHistogram) == 0 {
		return p, nil
	}
	hits := make(plotter.Values, len(r.ConfidenceHistogram))
	misses := make(plotter.Values, len(r.ConfidenceHistogram))
	names := make([]string, len(r.ConfidenceHistogram))
	for i, b := range r.ConfidenceHistogram {
		hits[i], misses[i] = float64(b.Hits), float64(b.Misses)
		if i%2 == 0 {
			names[i] = fmt.Sprintf("%.1f", b.Lo)
		}
	}
	w := vg.Points(10)
	bh, err := plotter.NewBarChart(hits, w)
	if err != nil {
		return nil, err
	}
	bm, err := plotter.NewBarChart(misses, w)
	if err != nil {
		return nil, err
	}
	bh.Color, bh.LineStyle.Width = blue, 0
	bm.Color, bm.LineStyle.Width = grey, 0
	bm.StackOn(bh)
	p.Add(bh, bm)
	p.Legend.Add("correct", bh)
	p.Legend.Add("wrong", bm)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(40)
	p.NominalX(names...)
	return p, nil
}
