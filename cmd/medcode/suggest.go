package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newSuggestCmd(data *dataFlags) *cobra.Command {
	_ = data
	return &cobra.Command{
		Use:  "suggest",
		RunE: func(*cobra.Command, []string) error { return errors.New("suggest: not built yet") },
	}
}
