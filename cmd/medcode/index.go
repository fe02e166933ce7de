package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newIndexCmd(data *dataFlags) *cobra.Command {
	_ = data
	return &cobra.Command{
		Use:  "index",
		RunE: func(*cobra.Command, []string) error { return errors.New("index: not built yet") },
	}
}
