package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeAuthPolicy: API keys are required on every bind; only
// --insecure-loopback on a loopback address serves without them. The
// refusals come before anything is opened or loaded.
func TestServeAuthPolicy(t *testing.T) {
	t.Parallel()
	keys := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(keys, []byte("# ops\nsecret-1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string // error text; the exit status is 2
	}{
		{"no keys", []string{"--addr", "127.0.0.1:0"}, "API keys are required"},
		{"every interface without keys", []string{"--addr", ":0", "--insecure-loopback"}, "loopback --addr"},
		{"public address without keys", []string{"--addr", "192.0.2.1:0", "--insecure-loopback"}, "loopback --addr"},
		{"both", []string{"--api-key-file", keys, "--insecure-loopback"}, "not both"},
		{"bad public url", []string{"--insecure-loopback", "--public-url", "evil"}, "--public-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "fb.db")
			args := append([]string{"--data", t.TempDir(), "serve", "--db", db}, tt.args...)
			err := run(t.Context(), args, &bytes.Buffer{})
			if exitCode(err) != 2 || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v (exit %d), want exit 2 with %q", err, exitCode(err), tt.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("the feedback store was created before the auth check")
			}
		})
	}
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:8080": true, "localhost:8080": true, "127.5.5.5:1": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:8080": false, "10.0.0.1:8080": false, "example.org:80": false, "junk": false,
	} {
		if got := loopbackAddr(addr); got != want {
			t.Errorf("loopbackAddr(%q) = %v, want %v", addr, got, want)
		}
	}
}
