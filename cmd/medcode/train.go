package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newTrainCmd(data *dataFlags) *cobra.Command {
	_ = data
	return &cobra.Command{
		Use:  "train",
		RunE: func(*cobra.Command, []string) error { return errors.New("train: not built yet") },
	}
}
