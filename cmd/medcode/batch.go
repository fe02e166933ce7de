package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"medcode/suggest"
)

// maxBatchLine bounds one input line: a note at the size limit, every
// byte escaped, with room for the other fields.
const maxBatchLine = 8*suggest.MaxNoteBytes + 64<<10

// batchFlags configure `medcode batch`.
type batchFlags struct {
	out      string // output file; "" or "-" = stdout
	workers  int    // 0 = GOMAXPROCS
	ordered  bool   // write results in input order
	progress bool   // bar on stderr
	systems  string
	setting  string
	top      int
	minConf  float64
}

func newBatchCmd(data *dataFlags) *cobra.Command {
	var f batchFlags
	cmd := &cobra.Command{
		Use:   "batch [FILE]",
		Short: "suggest codes for every note of an NDJSON file or standard input, writing NDJSON results",
		Long: `batch reads one JSON object per line (the file may be gzip'd), {"id": "...", "text": "...", "setting": "inpatient",
"systems": ["icd10cm"], "dateOfService": "2026-01-31"} (only text is required; id names the line
in the output and makes a run resumable), and writes one line per input line:
{"id": "...", "line": N, "result": {...}} or {"id": "...", "line": N, "error": {"kind": "...", "message": "..."}}.
A bad line is recorded, not fatal. When --out names a file that already holds results, the ids
(and, for lines without an id, the line numbers) it holds are skipped and new results appended.`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBatch(cmd, data, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "out", "o", "", "output NDJSON file, appended to and resumed (default standard output)")
	fl.IntVarP(&f.workers, "workers", "j", 0, "notes coded in parallel (default GOMAXPROCS)")
	fl.BoolVar(&f.ordered, "ordered", true, "write results in input order (false: as they finish, keyed by id)")
	fl.BoolVar(&f.progress, "progress", true, "draw a progress bar on standard error")
	fl.StringVar(&f.systems, "systems", "", "comma-separated systems for lines that name none (default all)")
	fl.StringVar(&f.setting, "setting", "outpatient", "care setting for lines that name none")
	fl.IntVar(&f.top, "top", 20, "at most N suggestions per note")
	fl.Float64Var(&f.minConf, "min-confidence", 0, "drop suggestions below this confidence")
	return cmd
}

func runBatch(cmd *cobra.Command, data *dataFlags, f batchFlags, args []string) error {
	sys, err := parseSystems(f.systems)
	if err != nil {
		return usageError(fmt.Errorf("batch: %w", err))
	}
	if s := suggest.Setting(f.setting); s != suggest.Outpatient && s != suggest.Inpatient {
		return usageError(fmt.Errorf("batch: --setting %q: want outpatient or inpatient", f.setting))
	}
	defaults := suggest.Request{Systems: sys, Setting: suggest.Setting(f.setting), MaxResults: f.top, MinConfidence: f.minConf}

	in, total, closeIn, err := openBatchInput(cmd.InOrStdin(), args)
	if err != nil {
		return err
	}
	defer closeIn()
	var (
		out  io.Writer = cmd.OutOrStdout()
		done batchDone
	)
	if f.out != "" && f.out != "-" {
		fh, d, err := openBatchOutput(f.out)
		if err != nil {
			return err
		}
		defer fh.Close()
		out, done = fh, d
	}
	eng, err := data.engine(cmd.Context(), suggest.Options{})
	if err != nil {
		return err
	}
	var bar *progressbar.ProgressBar
	if f.progress {
		bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(cmd.ErrOrStderr()),
			progressbar.OptionSetDescription("batch"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("notes"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
		)
	}
	st, err := batch(cmd.Context(), eng, in, out, batchOptions{
		Workers: f.workers, Ordered: f.ordered, Defaults: defaults, Done: done,
		Tick: func() {
			if bar != nil {
				_ = bar.Add(1)
			}
		},
	})
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(cmd.ErrOrStderr())
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "batch: %d coded, %d errors, %d skipped as already done, %.1f notes/s\n",
		st.Coded, st.Failed, st.Skipped, float64(st.Coded+st.Failed)/max(st.Elapsed.Seconds(), 1e-9))
	return err
}

// openBatchInput opens the input file (gzip'd or not) or stdin; total is
// the number of lines when the input is a file (for the bar), else -1.
func openBatchInput(stdin io.Reader, args []string) (r io.Reader, total int, closeFn func(), err error) {
	if len(args) == 0 || args[0] == "-" {
		return stdin, -1, func() {}, nil
	}
	fh, err := os.Open(args[0])
	if err != nil {
		return nil, 0, nil, usageError(fmt.Errorf("batch: %w", err))
	}
	// open reads the file from the start, through gzip when it is gzip'd.
	open := func() (io.Reader, func(), error) {
		if _, err := fh.Seek(0, io.SeekStart); err != nil {
			return nil, nil, err
		}
		br := bufio.NewReaderSize(fh, 1<<20)
		if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			zr, err := gzip.NewReader(br)
			if err != nil {
				return nil, nil, err
			}
			return zr, func() { zr.Close() }, nil
		}
		return br, func() {}, nil
	}
	cr, closeCount, err := open()
	if err == nil {
		total, err = countLines(cr)
		closeCount()
	}
	var closeZ func()
	if err == nil {
		r, closeZ, err = open()
	}
	if err != nil {
		fh.Close()
		return nil, 0, nil, fmt.Errorf("batch: %s: %w", args[0], err)
	}
	return r, total, func() { closeZ(); fh.Close() }, nil
}

// countLines counts the lines of r (a last line without a newline counts).
func countLines(r io.Reader) (int, error) {
	buf := make([]byte, 64<<10)
	n, last := 0, byte('\n')
	for {
		k, err := r.Read(buf)
		if k > 0 {
			n += bytes.Count(buf[:k], []byte{'\n'})
			last = buf[k-1]
		}
		if err == io.EOF {
			if last != '\n' {
				n++
			}
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// batchDone is what an earlier run already wrote: ids, and the line
// numbers of lines that had no id.
type batchDone struct {
	ids   map[string]bool
	lines map[int]bool
}

func (d batchDone) has(id string, line int) bool {
	if id != "" {
		return d.ids[id]
	}
	return d.lines[line]
}

// openBatchOutput opens the output file for appending and reads what it
// already holds. A last line cut short (a run killed mid-write) is
// truncated away so the file stays valid NDJSON.
func openBatchOutput(path string) (*os.File, batchDone, error) {
	d := batchDone{ids: map[string]bool{}, lines: map[int]bool{}}
	fh, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, d, usageError(fmt.Errorf("batch: %w", err))
	}
	br := bufio.NewReader(fh)
	var good int64 // bytes of complete lines
	for n := 1; ; n++ {
		b, err := br.ReadBytes('\n')
		if err == io.EOF {
			break // a partial last line (no newline) is dropped
		}
		if err != nil {
			fh.Close()
			return nil, d, fmt.Errorf("batch: %s: %w", path, err)
		}
		var rec struct {
			ID   string `json:"id"`
			Line int    `json:"line"`
		}
		if err := gojson.Unmarshal(b, &rec); err != nil {
			fh.Close()
			return nil, d, usageError(fmt.Errorf("batch: %s:%d: not a batch result line: %w", path, n, err))
		}
		if rec.ID != "" {
			d.ids[rec.ID] = true
		} else {
			d.lines[rec.Line] = true
		}
		good += int64(len(b))
	}
	if err := fh.Truncate(good); err != nil {
		fh.Close()
		return nil, d, fmt.Errorf("batch: %s: %w", path, err)
	}
	if _, err := fh.Seek(good, io.SeekStart); err != nil {
		fh.Close()
		return nil, d, fmt.Errorf("batch: %s: %w", path, err)
	}
	return fh, d, nil
}

// batchSuggester is the part of the engine batch uses.
type batchSuggester interface {
	Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error)
}

// batchOptions tune one batch run. The zero value works.
type batchOptions struct {
	Workers  int             // 0 = GOMAXPROCS
	Ordered  bool            // results in input order; else as they finish
	Defaults suggest.Request // Systems, Setting, MaxResults, MinConfidence for lines that name none
	Done     batchDone       // lines to skip
	Tick     func()          // called once per line written or skipped, from any goroutine; nil = none
}

// batchStats count a run's lines.
type batchStats struct {
	Coded, Failed, Skipped int
	Elapsed                time.Duration
}

// batchIn is one input line.
type batchIn struct {
	ID            string   `json:"id"`
	Text          string   `json:"text"`
	Systems       []string `json:"systems"`
	Setting       string   `json:"setting"`
	DateOfService string   `json:"dateOfService"`
}

// batchOut is one output line.
type batchOut struct {
	ID     string          `json:"id,omitempty"`
	Line   int             `json:"line"`
	Result *suggest.Result `json:"result,omitempty"`
	Error  *batchError     `json:"error,omitempty"`
}

// batchError is a line's failure: kind is "bad_line" (not a JSON object
// with a text), "bad_note" (the engine refused the note: empty, binary,
// too large, an unknown system or setting), "duplicate_id" or "engine".
type batchError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

type batchJob struct {
	seq  int    // 0-based among lines handled
	line int    // 1-based input line
	id   string // set with err for a duplicate id
	raw  []byte
	err  *batchError // set when reading the line failed
}

type batchDoneJob struct {
	seq int
	b   []byte // the encoded output line
	ok  bool
}

// batch codes every line of in with eng, writing one NDJSON line per input
// line to out. Only a failure to read in or write out (or ctx ending)
// stops it; a bad line is recorded in the output.
func batch(ctx context.Context, eng batchSuggester, in io.Reader, out io.Writer, opts batchOptions) (batchStats, error) {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan batchJob, 2*workers)
	results := make(chan batchDoneJob, 2*workers)
	var st batchStats

	// Reader: lines to jobs, skipping what an earlier run did.
	var readErr error
	go func() {
		defer close(jobs)
		readErr = readBatchLines(ctx, in, opts.Done, jobs, &st.Skipped, opts.Tick)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				b, ok := codeBatchLine(ctx, eng, j, opts.Defaults)
				if ctx.Err() != nil {
					continue // cut short: left for a resumed run, not recorded as failed
				}
				results <- batchDoneJob{seq: j.seq, b: b, ok: ok}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Writer: in input order (a window of finished lines waiting for an
	// earlier one) or as they come.
	bw := bufio.NewWriterSize(out, 256<<10)
	pending := map[int]batchDoneJob{}
	next := 0
	var writeErr error
	emit := func(r batchDoneJob) {
		if writeErr != nil {
			return
		}
		if _, err := bw.Write(r.b); err != nil {
			writeErr = err
			cancel(err)
			return
		}
		if r.ok {
			st.Coded++
		} else {
			st.Failed++
		}
		if opts.Tick != nil {
			opts.Tick()
		}
	}
	for r := range results {
		if !opts.Ordered {
			emit(r)
			continue
		}
		pending[r.seq] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(p)
			next++
		}
		if len(pending) == 0 && writeErr == nil {
			// Flush at quiet points so a killed run keeps its work.
			if bw.Buffered() > 128<<10 {
				writeErr = bw.Flush()
			}
		}
	}
	if err := bw.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	st.Elapsed = time.Since(start)
	switch {
	case writeErr != nil:
		return st, fmt.Errorf("batch: write: %w", writeErr)
	case readErr != nil:
		return st, readErr
	case ctx.Err() != nil:
		return st, fmt.Errorf("batch: %w", context.Cause(ctx))
	}
	return st, nil
}

// readBatchLines sends each non-blank line of in to jobs, skipping done
// lines; an over-long line becomes a job carrying its error.
func readBatchLines(ctx context.Context, in io.Reader, done batchDone, jobs chan<- batchJob, skipped *int, tick func()) error {
	br := bufio.NewReaderSize(in, 1<<20)
	seen := map[string]int{}
	seq := 0
	for line := 1; ; line++ {
		raw, tooLong, err := readLine(br, maxBatchLine)
		if err == io.EOF && len(raw) == 0 && !tooLong {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("batch: read line %d: %w", line, err)
		}
		j := batchJob{line: line, raw: raw}
		switch {
		case tooLong:
			j.raw = nil
			j.err = &batchError{Kind: "bad_line", Message: fmt.Sprintf("line longer than %d bytes", maxBatchLine)}
		case len(bytes.TrimSpace(raw)) == 0:
			if err == io.EOF {
				return nil
			}
			continue
		default:
			id := peekID(raw)
			if done.has(id, line) {
				*skipped++
				if tick != nil {
					tick()
				}
				if err == io.EOF {
					return nil
				}
				continue
			}
			if id != "" {
				if first, dup := seen[id]; dup {
					j.raw, j.id = nil, id
					j.err = &batchError{Kind: "duplicate_id", Message: fmt.Sprintf("id %q first seen on line %d", id, first)}
				} else {
					seen[id] = line
				}
			}
		}
		j.seq = seq
		seq++
		select {
		case jobs <- j:
		case <-ctx.Done():
			return nil
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its newline, keeping at most limit
// bytes: a longer line is consumed whole and reported tooLong.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(frag) > limit+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil && !tooLong {
			line = line[:len(line)-1]
		}
		return line, tooLong, err
	}
}

// peekID decodes only the id of a line ("" when it has none or is not
// JSON): the reader uses it to skip done lines without decoding the text.
func peekID(raw []byte) string {
	var v struct {
		ID gojson.RawMessage `json:"id"`
	}
	if gojson.Unmarshal(raw, &v) != nil || len(v.ID) == 0 {
		return ""
	}
	var id string
	if gojson.Unmarshal(v.ID, &id) != nil {
		return ""
	}
	return id
}

// codeBatchLine decodes, codes and encodes one line; ok is false when the
// output records an error.
func codeBatchLine(ctx context.Context, eng batchSuggester, j batchJob, defaults suggest.Request) ([]byte, bool) {
	o := batchOut{ID: j.id, Line: j.line, Error: j.err}
	if o.Error == nil {
		var in batchIn
		if err := gojson.Unmarshal(j.raw, &in); err != nil {
			o.ID = peekID(j.raw)
			o.Error = &batchError{Kind: "bad_line", Message: "not a JSON object with a text: " + err.Error()}
		} else {
			o.ID = in.ID
			o.Result, o.Error = codeBatchNote(ctx, eng, in, defaults)
		}
	}
	res := o.Result
	b, err := gojson.Marshal(o)
	if err != nil { // a result the encoder refuses: record it on the line
		o.Result = nil
		o.Error = &batchError{Kind: "engine", Message: "encode result: " + err.Error()}
		b, _ = gojson.Marshal(o)
	}
	if r, ok := eng.(suggest.Releaser); ok && res != nil {
		r.Release(res) // encoded: b holds its own bytes
	}
	return append(b, '\n'), o.Error == nil
}

func codeBatchNote(ctx context.Context, eng batchSuggester, in batchIn, defaults suggest.Request) (*suggest.Result, *batchError) {
	if strings.TrimSpace(in.Text) == "" {
		return nil, &batchError{Kind: "bad_line", Message: "the line has no text"}
	}
	req := defaults
	req.Text = in.Text
	if in.Setting != "" {
		req.Setting = suggest.Setting(in.Setting)
	}
	if len(in.Systems) > 0 {
		sys, err := parseSystems(strings.Join(in.Systems, ","))
		if err != nil {
			return nil, &batchError{Kind: "bad_note", Message: err.Error()}
		}
		req.Systems = sys
	}
	if in.DateOfService != "" {
		d, err := time.Parse("2006-01-02", in.DateOfService)
		if err != nil {
			return nil, &batchError{Kind: "bad_note", Message: "dateOfService: want YYYY-MM-DD"}
		}
		req.DateOfService = d
	}
	res, err := eng.Suggest(ctx, req)
	switch {
	case err == nil:
		return res, nil
	case isBadNote(err):
		return nil, &batchError{Kind: "bad_note", Message: err.Error()}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return nil, &batchError{Kind: "engine", Message: "cancelled"}
	default:
		return nil, &batchError{Kind: "engine", Message: err.Error()}
	}
}
