package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"medcode/corpus"
)

func newCodesCmd(data *dataFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "codes",
		Short: "Look up codes and summarize the loaded code sets",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError(errors.New("codes: want a subcommand: show, stats or diff"))
		},
	}
	cmd.AddCommand(newCodesShowCmd(data), newCodesStatsCmd(data), newCodesDiffCmd(data))
	return cmd
}

// codeSetOptions are the corpus load options the data flags describe.
func (d *dataFlags) codeSetOptions() corpus.Options {
	return corpus.Options{
		Dir:          filepath.Join(d.dir, "codesets"),
		CPTFile:      d.cpt,
		SynonymFiles: d.synonyms,
	}
}

func newCodesShowCmd(data *dataFlags) *cobra.Command {
	var (
		asJSON bool
		system string
		pick   releasePick
	)
	cmd := &cobra.Command{
		Use:   "show [--json] [--system SYS] [--date YYYY-MM-DD | --release FY2027] CODE",
		Short: "Show one code: display, billable, hierarchy, notes, names",
		Long: "Show one code. CODE may be in any case, dotted or not; it is looked up in\n" +
			"ICD-10-CM, then CPT, then HCPCS, unless --system names one (J1100 is ICD-10-CM\n" +
			"J11.00 before it is HCPCS J1100). ICD-10-CM answers for the release in force on\n" +
			"--date (default today) or the one --release names, and lists every loaded\n" +
			"release holding the code.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(fmt.Errorf("codes show: want one code, got %d arguments", len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var sys corpus.System
			if system != "" {
				s, err := corpus.ParseSystem(system)
				if err != nil {
					return usageError(fmt.Errorf("codes show: --system: %w", err))
				}
				sys = s
			}
			union, err := corpus.Load(cmd.Context(), data.codeSetOptions())
			if err != nil {
				return err
			}
			set, err := pick.narrow(union)
			if err != nil {
				return err
			}
			var (
				c  *corpus.Code
				ok bool
			)
			if sys != "" {
				c, ok = set.Lookup(sys, args[0])
			} else {
				c, ok = set.Find(args[0])
			}
			if !ok {
				r, _ := set.Release(corpus.ICD10CM)
				if in := heldBy(union, args[0]); len(in) > 0 {
					return fmt.Errorf("codes show: %q is not a code of ICD-10-CM %s; it is one of %s: %w", args[0], r.Name, releaseNames(in), corpus.ErrUnknownCode)
				}
				return fmt.Errorf("codes show: %q is not an ICD-10-CM (%s), CPT or HCPCS code of the loaded code sets: %w", args[0], r.Name, corpus.ErrUnknownCode)
			}
			v := newCodeView(set, c)
			if c.System == corpus.ICD10CM {
				v.Releases = heldBy(union, c.Code)
			}
			if asJSON {
				return writeCodesJSON(cmd.OutOrStdout(), v)
			}
			return v.writeText(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&system, "system", "", "look the code up in this system only (icd10cm, cpt, hcpcs)")
	pick.register(cmd)
	return cmd
}

// codeView is the shape `codes show` prints.
type codeView struct {
	System   corpus.System `json:"system"`
	Code     string        `json:"code"`
	Display  string        `json:"display"`
	Short    string        `json:"short,omitempty"`
	Billable bool          `json:"billable"`
	Modifier bool          `json:"modifier,omitempty"`
	Release  string        `json:"release,omitempty"`
	// Releases are the loaded ICD-10-CM releases holding the code.
	Releases   []heldIn    `json:"releases,omitempty"`
	Chapter    string      `json:"chapter,omitempty"`
	Parent     *codeRef    `json:"parent,omitempty"`
	Children   []codeRef   `json:"children"`
	Notes      notesView   `json:"notes"`
	Inherited  []inherited `json:"inheritedNotes,omitempty"`
	SevenChr   []extView   `json:"sevenChr,omitempty"`
	Names      []nameView  `json:"names"`
	Added      string      `json:"added,omitempty"`
	Terminated string      `json:"terminated,omitempty"`
}

type codeRef struct {
	Code    string `json:"code"`
	Display string `json:"display"`
}

type nameView struct {
	Text string `json:"text"`
	Kind string `json:"kind"`
}

type extView struct {
	Char string `json:"char"`
	Text string `json:"text"`
}

type notesView struct {
	Includes      []string `json:"includes,omitempty"`
	Excludes1     []string `json:"excludes1,omitempty"`
	Excludes2     []string `json:"excludes2,omitempty"`
	CodeFirst     []string `json:"codeFirst,omitempty"`
	UseAdditional []string `json:"useAdditionalCode,omitempty"`
	CodeAlso      []string `json:"codeAlso,omitempty"`
	Notes         []string `json:"notes,omitempty"`
	SevenChrNote  []string `json:"sevenChrNote,omitempty"`
}

// inherited are the excludes notes of an ancestor, which apply to every
// code below it.
type inherited struct {
	From      string   `json:"from"`
	Excludes1 []string `json:"excludes1,omitempty"`
	Excludes2 []string `json:"excludes2,omitempty"`
}

func newCodeView(set *corpus.Set, c *corpus.Code) codeView {
	v := codeView{
		System: c.System, Code: c.Code, Display: c.Display, Billable: c.Billable, Modifier: c.Modifier,
		Chapter: c.Chapter, Children: []codeRef{}, Names: []nameView{},
		Notes: notesView(c.Notes), Added: day(c.Added), Terminated: day(c.Terminated),
	}
	if c.Short != c.Display {
		v.Short = c.Short
	}
	if r, ok := set.Release(c.System); ok {
		v.Release = r.Name
	}
	if p, ok := set.Lookup(c.System, c.Parent); ok && c.Parent != "" {
		v.Parent = &codeRef{Code: p.Code, Display: p.Display}
	}
	for _, ch := range c.Children {
		ref := codeRef{Code: ch}
		if k, ok := set.Lookup(c.System, ch); ok {
			ref.Display = k.Display
		}
		v.Children = append(v.Children, ref)
	}
	for p, ok := set.Lookup(c.System, c.Parent); ok && c.Parent != ""; p, ok = set.Lookup(c.System, p.Parent) {
		if len(p.Notes.Excludes1)+len(p.Notes.Excludes2) > 0 {
			v.Inherited = append(v.Inherited, inherited{From: p.Code, Excludes1: p.Notes.Excludes1, Excludes2: p.Notes.Excludes2})
		}
		if p.Parent == "" {
			break
		}
	}
	for _, e := range c.SevenChr {
		v.SevenChr = append(v.SevenChr, extView(e))
	}
	for _, n := range c.Names {
		v.Names = append(v.Names, nameView{Text: n.Text, Kind: n.Kind.String()})
	}
	return v
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// maxTextNames bounds the names `codes show` prints as text (JSON has all).
const maxTextNames = 8

func (v codeView) writeText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	yes := map[bool]string{true: "yes", false: "no (header)"}
	fmt.Fprintf(tw, "%s %s\t%s\n", v.System, v.Code, v.Display)
	if v.Short != "" {
		fmt.Fprintf(tw, "short title\t%s\n", v.Short)
	}
	fmt.Fprintf(tw, "billable\t%s\n", yes[v.Billable])
	if v.Modifier {
		fmt.Fprintf(tw, "modifier\tyes\n")
	}
	if v.Release != "" {
		fmt.Fprintf(tw, "release\t%s\n", v.Release)
	}
	if len(v.Releases) > 0 {
		fmt.Fprintf(tw, "in releases\t%s\n", releaseNames(v.Releases))
	}
	if v.Chapter != "" {
		fmt.Fprintf(tw, "chapter\t%s\n", v.Chapter)
	}
	if v.Parent != nil {
		fmt.Fprintf(tw, "parent\t%s %s\n", v.Parent.Code, v.Parent.Display)
	}
	fmt.Fprintf(tw, "children\t%d\n", len(v.Children))
	if v.Added != "" {
		fmt.Fprintf(tw, "added\t%s\n", v.Added)
	}
	if v.Terminated != "" {
		fmt.Fprintf(tw, "terminated\t%s\n", v.Terminated)
	}
	list := func(label string, items []string) {
		for i, s := range items {
			if i > 0 {
				label = ""
			}
			fmt.Fprintf(tw, "%s\t%s\n", label, s)
		}
	}
	var incl []string
	for _, n := range v.Names {
		if n.Kind == corpus.NameInclusion.String() {
			incl = append(incl, n.Text)
		}
	}
	list("inclusion terms", incl)
	list("includes", v.Notes.Includes)
	list("excludes1", v.Notes.Excludes1)
	list("excludes2", v.Notes.Excludes2)
	for _, in := range v.Inherited {
		list("excludes1 ("+in.From+")", in.Excludes1)
		list("excludes2 ("+in.From+")", in.Excludes2)
	}
	list("code first", v.Notes.CodeFirst)
	list("use additional", v.Notes.UseAdditional)
	list("code also", v.Notes.CodeAlso)
	list("notes", v.Notes.Notes)
	var seven []string
	for _, e := range v.SevenChr {
		seven = append(seven, e.Char+"  "+e.Text)
	}
	list("7th character", seven)
	var names []string
	other := 0
	for _, n := range v.Names {
		switch n.Kind {
		case corpus.NameTitle.String(), corpus.NameShort.String(), corpus.NameInclusion.String():
			continue
		}
		if len(names) < maxTextNames {
			names = append(names, n.Text+" ["+n.Kind+"]")
		} else {
			other++
		}
	}
	if other > 0 {
		names = append(names, fmt.Sprintf("... and %d more (--json lists all)", other))
	}
	list("names", names)
	return tw.Flush()
}

func newCodesStatsCmd(data *dataFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats [--json]",
		Short: "Count codes, billable codes and names per system and release",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			set, err := corpus.Load(cmd.Context(), data.codeSetOptions())
			if err != nil {
				return err
			}
			st := codeSetStats(set)
			if asJSON {
				return writeCodesJSON(cmd.OutOrStdout(), st)
			}
			return writeStatsText(cmd.OutOrStdout(), st)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// systemStats are the counts `codes stats` prints for one system.
type systemStats struct {
	System      corpus.System  `json:"system"`
	Release     string         `json:"release"`
	Effective   string         `json:"effective,omitempty"`
	Expires     string         `json:"expires,omitempty"`
	Source      string         `json:"source"`
	Supplements []string       `json:"supplements,omitempty"`
	Codes       int            `json:"codes"`
	Billable    int            `json:"billable"`
	Headers     int            `json:"headers"`
	Modifiers   int            `json:"modifiers,omitempty"`
	Names       map[string]int `json:"names"` // by kind
	NamesTotal  int            `json:"namesTotal"`
}

func codeSetStats(set *corpus.Set) []systemStats {
	var out []systemStats
	for _, sys := range corpus.AllSystems() {
		r, ok := set.Release(sys)
		if !ok {
			continue
		}
		if sys == corpus.ICD10CM {
			// One row per release, each counted in its own codes.
			for _, r := range set.ICD10CMReleases() {
				if v, err := set.In(r.Name); err == nil {
					out = append(out, releaseStats(v, sys, r))
				}
			}
			continue
		}
		out = append(out, releaseStats(set, sys, r))
	}
	return out
}

// releaseStats counts the codes of one release.
func releaseStats(set *corpus.Set, sys corpus.System, r corpus.Release) systemStats {
	st := systemStats{System: sys, Release: r.Name, Effective: day(r.Effective), Expires: day(r.Expires),
		Source: r.Source, Supplements: r.Supplements, Names: map[string]int{}}
	for _, c := range set.Codes(sys) {
		st.Codes++
		switch {
		case c.Modifier:
			st.Modifiers++
		case c.Billable:
			st.Billable++
		default:
			st.Headers++
		}
		for _, n := range c.Names {
			st.Names[n.Kind.String()]++
			st.NamesTotal++
		}
	}
	return st
}

func writeStatsText(w io.Writer, stats []systemStats) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "system\trelease\tdates of service\tcodes\tbillable\theaders\tmodifiers\tnames\t")
	for _, s := range stats {
		period := s.Effective + ".." + s.Expires
		if period == ".." {
			period = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t\n", s.System, s.Release, period, s.Codes, s.Billable, s.Headers, s.Modifiers, s.NamesTotal)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range stats {
		var parts []string
		for k := corpus.NameTitle; k <= corpus.NameCrossRef; k++ {
			if n := s.Names[k.String()]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", k, n))
			}
		}
		fmt.Fprintf(w, "\n%s %s (%s", s.System, s.Release, s.Source)
		if len(s.Supplements) > 0 {
			fmt.Fprintf(w, "; names and notes also from %s", strings.Join(s.Supplements, ", "))
		}
		fmt.Fprintf(w, ")\n  names: %s\n", strings.Join(parts, ", "))
	}
	return nil
}

func writeCodesJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
