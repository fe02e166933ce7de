package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"medcode/corpus"
	"medcode/suggest"
)

func newSuggestCmd(data *dataFlags) *cobra.Command {
	var (
		asJSON  bool
		systems string
		setting string
		top     int
		minConf float64
		date    string
		release string
	)
	cmd := &cobra.Command{
		Use:   "suggest [FILE]",
		Short: "suggest codes for a note read from FILE or standard input",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			sys, err := parseSystems(systems)
			if err != nil {
				return usageError(err)
			}
			text, err := readNote(cmd.InOrStdin(), args)
			if err != nil {
				return err
			}
			req := suggest.Request{Text: text, Systems: sys, Setting: suggest.Setting(setting), MaxResults: top, MinConfidence: minConf, Release: release}
			if date != "" {
				if req.DateOfService, err = time.Parse("2006-01-02", date); err != nil {
					return usageError(fmt.Errorf("suggest: --date: want YYYY-MM-DD: %w", err))
				}
			}
			eng, err := data.engine(cmd.Context(), suggest.Options{})
			if err != nil {
				return err
			}
			res, err := eng.Suggest(cmd.Context(), req)
			if err != nil {
				if isBadNote(err) {
					return usageError(err)
				}
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			return printTable(cmd.OutOrStdout(), res)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print the result as JSON")
	f.StringVar(&systems, "systems", "", "comma-separated systems: icd10cm,cpt,hcpcs (default all)")
	f.StringVar(&setting, "setting", "outpatient", "care setting: outpatient or inpatient")
	f.IntVar(&top, "top", 20, "at most N suggestions")
	f.Float64Var(&minConf, "min-confidence", 0, "drop suggestions below this confidence")
	f.StringVar(&date, "date", "", "date of service (YYYY-MM-DD): code with the ICD-10-CM release in force then (default today)")
	f.StringVar(&release, "release", "", "code with this ICD-10-CM release (FY2026, FY2027) instead")
	return cmd
}

func isBadNote(err error) bool {
	for _, e := range []error{suggest.ErrEmptyNote, suggest.ErrBinaryNote, suggest.ErrNoteTooLarge, suggest.ErrBadSetting, suggest.ErrUnknownSystem,
		corpus.ErrNotCovered, corpus.ErrUnknownRelease} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// parseSystems reads "icd10cm,cpt" into systems; "" means all.
func parseSystems(s string) ([]corpus.System, error) {
	var out []corpus.System
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		sys, err := corpus.ParseSystem(p)
		if err != nil {
			return nil, err
		}
		out = append(out, sys)
	}
	return out, nil
}

// readNote reads the note from the file argument or stdin, rejecting empty,
// binary and oversized input with exit status 2.
func readNote(stdin io.Reader, args []string) (string, error) {
	var r io.Reader = stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return "", usageError(fmt.Errorf("suggest: %w", err))
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, suggest.MaxNoteBytes+1))
	if err != nil {
		return "", usageError(fmt.Errorf("suggest: read note: %w", err))
	}
	// Reject bad notes before paying for the engine.
	if err := suggest.CheckNote(string(b)); err != nil {
		return "", usageError(err)
	}
	return string(b), nil
}

func printTable(w io.Writer, res *suggest.Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tSYSTEM\tCONF\tDISPLAY\tEVIDENCE\tEDITS")
	for _, s := range res.Suggestions {
		ev := ""
		if len(s.Evidence) > 0 {
			ev = fmt.Sprintf("%q @%d", clip(s.Evidence[0].Text, 40), s.Evidence[0].Start)
			if a := s.Evidence[0].Assertion; a != "" && a != "present" {
				ev += " " + a // "historical", "uncertain" (inpatient)
			}
		}
		var edits []string
		for _, e := range s.Edits {
			edits = append(edits, e.Message)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.2f\t%s\t%s\t%s\n", s.Code, s.System, s.Confidence, clip(s.Display, 60), ev, clip(strings.Join(edits, "; "), 70))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(res.Rejected) > 0 {
		fmt.Fprintf(w, "\nrejected by rules: %d\n", len(res.Rejected))
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i, r := range res.Rejected {
			if i == 10 {
				fmt.Fprintf(tw, "…\t%d more (use --json)\t\t\n", len(res.Rejected)-10)
				break
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Code, r.Rule, clip(r.Display, 50), clip(r.Reason, 70))
		}
		return tw.Flush()
	}
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
