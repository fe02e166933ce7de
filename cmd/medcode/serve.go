package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newServeCmd(data *dataFlags) *cobra.Command {
	_ = data
	return &cobra.Command{
		Use:  "serve",
		RunE: func(*cobra.Command, []string) error { return errors.New("serve: not built yet") },
	}
}
