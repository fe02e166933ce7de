package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newEvalCmd(data *dataFlags) *cobra.Command {
	_ = data
	return &cobra.Command{
		Use:  "eval",
		RunE: func(*cobra.Command, []string) error { return errors.New("eval: not built yet") },
	}
}
