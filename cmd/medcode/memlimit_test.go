package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

func TestParseMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{in: "300MiB", want: 300 << 20},
		{in: "1GiB", want: 1 << 30},
		{in: "512KiB", want: 512 << 10},
		{in: "2TiB", want: 2 << 40},
		{in: "1000B", want: 1000},
		{in: "123456", want: 123456},
		{in: " 64MiB ", want: 64 << 20},
		{in: "off", want: math.MaxInt64},
		{in: "0", want: 0},
		{in: "300MB", bad: true},
		{in: "-1MiB", bad: true},
		{in: "MiB", bad: true},
		{in: "1.5GiB", bad: true},
		{in: "9000000TiB", bad: true},
		{in: "", bad: true},
	} {
		got, err := parseMemoryLimit(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("parseMemoryLimit(%q) = %d, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("parseMemoryLimit(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}

func TestApplyMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })

	t.Setenv("GOMEMLIMIT", "") // set (even empty): the environment wins
	for _, flag := range []string{"100MiB", "auto"} {
		if got, auto, err := applyMemoryLimit(flag); err != nil || got != prev || auto {
			t.Fatalf("%s with GOMEMLIMIT set: got %d, auto %v, %v; want the runtime's %d untouched", flag, got, auto, err, prev)
		}
	}
}

func TestAutoMemoryLimit(t *testing.T) {
	tests := []struct {
		heap uint64
		want int64
	}{
		{0, 128 << 20},
		{100 << 20, 228 << 20},
		{136 << 20, 264 << 20},
		{256 << 20, 384 << 20},
		{1 << 30, 1152 << 20},
	}
	for _, tt := range tests {
		if got := autoMemoryLimit(tt.heap); got != tt.want {
			t.Errorf("autoMemoryLimit(%d MiB) = %d MiB, want %d MiB", tt.heap>>20, got>>20, tt.want>>20)
		}
	}
}

func TestApplyMemoryLimitFlag(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Skip("GOMEMLIMIT is set in the test environment")
	}
	got, auto, err := applyMemoryLimit("200MiB")
	if err != nil || auto || got != 200<<20 || debug.SetMemoryLimit(-1) != 200<<20 {
		t.Fatalf("applyMemoryLimit(200MiB) = %d, %v; runtime limit %d", got, err, debug.SetMemoryLimit(-1))
	}
	if _, _, err := applyMemoryLimit("lots"); err == nil {
		t.Fatal("applyMemoryLimit(lots): want a usage error")
	}
	debug.SetMemoryLimit(300 << 20)
	if got, auto, err := applyMemoryLimit("auto"); err != nil || !auto || got != 300<<20 {
		t.Fatalf("applyMemoryLimit(auto) = %d, %v, %v; want the runtime's limit untouched until the engine loads", got, auto, err)
	}
}

// TestGCPercent: serve loads at loadGCPercent (or a lower --gc-percent)
// and serves at --gc-percent; GOGC, when set, and --gc-percent 0 leave
// the runtime's target alone.
func TestGCPercent(t *testing.T) {
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	if v, set := os.LookupEnv("GOGC"); set {
		t.Cleanup(func() { os.Setenv("GOGC", v) })
	}
	os.Unsetenv("GOGC")
	for _, tc := range []struct{ flag, load, serve int }{
		{400, loadGCPercent, 400},
		{loadGCPercent, loadGCPercent, loadGCPercent},
		{50, 50, 50},
		{-1, -1, -1}, // collection off, as GOGC=off
	} {
		debug.SetGCPercent(77)
		g := applyGCPercent(tc.flag)
		if got := debug.SetGCPercent(-1); got != tc.load {
			t.Errorf("--gc-percent %d: loading at %d, want %d", tc.flag, got, tc.load)
		}
		debug.SetGCPercent(tc.load)
		g.serving()
		if got := debug.SetGCPercent(77); got != tc.serve {
			t.Errorf("--gc-percent %d: serving at %d, want %d", tc.flag, got, tc.serve)
		}
	}
	debug.SetGCPercent(77)
	g := applyGCPercent(0)
	g.serving()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("--gc-percent 0: target %d, want the runtime's 77 untouched", got)
	}
	t.Setenv("GOGC", "300")
	g = applyGCPercent(400)
	g.serving()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("GOGC set: target %d, want the runtime's 77 untouched", got)
	}
}
