package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newCodesCmd(data *dataFlags) *cobra.Command {
	_ = data
	return &cobra.Command{
		Use:  "codes",
		RunE: func(*cobra.Command, []string) error { return errors.New("codes: not built yet") },
	}
}
