package main

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"medcode/corpus"
)

func newCodesDiffCmd(data *dataFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "diff [--json] FROM TO",
		Short: "What changed in ICD-10-CM between two loaded releases (FY2026 FY2027)",
		Long: "List the codes TO added, deleted, gave a revised title, turned into headers\n" +
			"(expanded into new codes) or made billable, compared with FROM. When TO's folder\n" +
			"holds the publisher's order-file addenda (icd10cm_order_addenda_<year>.txt), the\n" +
			"lists are checked against it.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError(fmt.Errorf("codes diff: want two releases (FY2026 FY2027), got %d arguments", len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := data.codeSetOptions() // the full load, whose cache other commands share
			set, err := corpus.Load(cmd.Context(), opts)
			if err != nil {
				return err
			}
			d, err := set.Diff(args[0], args[1])
			if errors.Is(err, corpus.ErrUnknownRelease) {
				return usageError(err)
			}
			if err != nil {
				return err
			}
			out := diffView{ReleaseDiff: d}
			if a, err := addendaCheck(opts.Dir, set, d); err != nil {
				return err
			} else if a != nil {
				out.Addenda = a
			}
			if asJSON {
				return writeCodesJSON(cmd.OutOrStdout(), out)
			}
			return out.writeText(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// diffView is what `codes diff` prints.
type diffView struct {
	corpus.ReleaseDiff
	Addenda *addendaView `json:"addenda,omitempty"`
}

// addendaView is the check of a diff against the publisher's addenda.
type addendaView struct {
	File          string   `json:"file"`
	Agrees        bool     `json:"agrees"`
	Disagreements []string `json:"disagreements,omitempty"`
}

// addendaCheck compares d with the order-file addenda beside TO's order
// file, when present and when FROM is the release just before TO (the
// addenda lists the changes from the previous release). A malformed
// addenda file is an error naming file and line.
func addendaCheck(dir string, set *corpus.Set, d corpus.ReleaseDiff) (*addendaView, error) {
	rels := set.ICD10CMReleases()
	var to corpus.Release
	prev := ""
	for i, r := range rels {
		if r.Name == d.To {
			to = r
			if i > 0 {
				prev = rels[i-1].Name
			}
		}
	}
	if prev != d.From || to.Source == "" {
		return nil, nil
	}
	base := filepath.Base(to.Source)
	name := strings.Replace(strings.TrimSuffix(base, ".gz"), "order_", "order_addenda_", 1)
	for _, cand := range []string{name, name + ".gz"} {
		path := filepath.Join(dir, filepath.Dir(to.Source), cand)
		entries, err := readAddendaFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		dis := d.Disagreements(corpus.AddendaDiff(d.From, d.To, entries))
		return &addendaView{File: path, Agrees: len(dis) == 0, Disagreements: dis}, nil
	}
	return nil, nil
}

func readAddendaFile(path string) ([]corpus.AddendaEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, &corpus.ParseError{File: path, Err: fmt.Errorf("gzip: %w", err)}
		}
		defer z.Close()
		r = z
	}
	return corpus.ReadOrderAddenda(r, path)
}

func (v diffView) writeText(w io.Writer) error {
	fmt.Fprintf(w, "ICD-10-CM %s -> %s: %d added, %d deleted, %d revised titles, %d now headers, %d now billable\n",
		v.From, v.To, v.Counts["added"], v.Counts["deleted"], v.Counts["revised"], v.Counts["nowHeader"], v.Counts["nowBillable"])
	if v.Addenda != nil {
		if v.Addenda.Agrees {
			fmt.Fprintf(w, "checked against %s: agrees\n", v.Addenda.File)
		} else {
			fmt.Fprintf(w, "checked against %s: %d disagreements\n", v.Addenda.File, len(v.Addenda.Disagreements))
			for _, d := range v.Addenda.Disagreements {
				fmt.Fprintf(w, "  %s\n", d)
			}
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	section := func(title string, list []corpus.DiffEntry, was bool) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(tw, "\n%s (%d)\n", title, len(list))
		for _, e := range list {
			flag := "header"
			if e.Billable {
				flag = "billable"
			}
			if was {
				fmt.Fprintf(tw, "  %s\t%s\t(was: %s)\n", e.Code, e.Title, e.Was)
			} else {
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", e.Code, flag, e.Title)
			}
		}
	}
	section("added", v.Added, false)
	section("deleted", v.Deleted, false)
	section("revised title", v.Revised, true)
	section("now a header (expanded: code one of its new children)", v.NowHeader, false)
	section("now billable", v.NowBillable, false)
	return tw.Flush()
}
