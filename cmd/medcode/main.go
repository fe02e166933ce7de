// Command medcode suggests ICD-10-CM, CPT and HCPCS codes for clinical notes.
//
//	medcode codes show [--json] [--date YYYY-MM-DD | --release FY2027] CODE
//	medcode codes stats [--json]
//	medcode codes diff [--json] FY2026 FY2027
//	medcode index build [--out FILE]
//	medcode suggest [--json] [--systems ...] [--setting ...] [--top N] [FILE]
//	medcode eval --cases FILE [--json] [--report DIR]
//	medcode eval compare A.json B.json
//	medcode eval roundtrip [--out FILE] [--index-paths] [--sample N --seed S]
//	medcode train --cases FILE --out MODEL
//	medcode serve [--addr :8080]
//	medcode batch [--out FILE] [--workers N] [FILE]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// exitError carries a process exit status through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks bad input: exit status 2.
func usageError(err error) error { return &exitError{code: 2, err: err} }

// usageArgs makes a positional-argument check fail with exit status 2.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError(err)
		}
		return nil
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "medcode:", err)
		var ee *exitError
		if errors.As(err, &ee) {
			os.Exit(ee.code)
		}
		os.Exit(1)
	}
}

// run executes one medcode command line, writing results to stdout.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	root := &cobra.Command{
		Use:           "medcode",
		Short:         "NLP-assisted medical code suggestions (ICD-10-CM, CPT, HCPCS)",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	var data dataFlags
	data.register(root)
	root.AddCommand(
		newCodesCmd(&data),
		newIndexCmd(&data),
		newSuggestCmd(&data),
		newEvalCmd(&data),
		newTrainCmd(&data),
		newServeCmd(&data),
		newBatchCmd(&data),
	)
	return missingDataHint(root.ExecuteContext(ctx), data.dir)
}
