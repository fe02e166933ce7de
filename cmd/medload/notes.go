package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
)

// readNotes reads the text of every line of a JSONL cases file ({"text":
// ...} per line, other fields ignored; gzip'd or not).
func readNotes(path string) ([]string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("medload: %w", err)
	}
	defer fh.Close()
	return decodeNotes(fh, path)
}

func decodeNotes(r io.Reader, name string) ([]string, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("medload: %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	var notes []string
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if b = bytes.TrimSpace(b); len(b) > 0 {
			var c struct {
				Text string `json:"text"`
			}
			if jerr := json.Unmarshal(b, &c); jerr != nil {
				return nil, fmt.Errorf("medload: %s:%d: %w", name, line, jerr)
			}
			if strings.TrimSpace(c.Text) == "" {
				return nil, fmt.Errorf("medload: %s:%d: no text", name, line)
			}
			notes = append(notes, c.Text)
		}
		if errors.Is(err, io.EOF) {
			return notes, nil
		}
		if err != nil {
			return nil, fmt.Errorf("medload: %s:%d: %w", name, line, err)
		}
	}
}

// longNote joins notes, taken in a seeded random order, each on its own
// line, while the request carrying it ({"text": ...}, JSON-escaped) stays
// within size bytes: the server refuses larger bodies, so a note built for
// size 100 KB is a little under the engine's 100 KB note limit.
func longNote(notes []string, size int, rng *rand.Rand) string {
	const envelope = len(`{"text":""}`)
	var sb strings.Builder
	used := envelope
	for _, i := range rng.Perm(len(notes)) {
		n := notes[i] + "\n"
		c := escapedLen(n)
		if used+c > size {
			continue // a shorter note may still fit
		}
		sb.WriteString(n)
		used += c
	}
	return sb.String()
}

// escapedLen is the length of s inside a JSON string, quotes excluded.
func escapedLen(s string) int {
	b, _ := json.Marshal(s) // a string always encodes
	return len(b) - 2
}

// mix is the order the load sends notes in: every note, the long ones
// included, shuffled by a fixed seed; the load cycles through it.
func mix(notes []string, seed uint64) []string {
	out := append([]string(nil), notes...)
	rng := rand.New(rand.NewPCG(seed, 16))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// sizeSummary describes the notes' lengths for the report.
func sizeSummary(notes []string) string {
	if len(notes) == 0 {
		return "no notes"
	}
	total, longest := 0, 0
	for _, n := range notes {
		total += len(n)
		longest = max(longest, len(n))
	}
	return fmt.Sprintf("%d notes, mean %.1f KB, longest %.1f KB", len(notes), float64(total)/float64(len(notes))/1024, float64(longest)/1024)
}
