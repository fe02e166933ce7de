package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"medcode/feedback"
)

// killChildEnv names the SQLite file the re-executed test binary serves.
const killChildEnv = "MEDCODE_KILL_TEST_DB"

// TestKillChildServe is the child of TestFeedbackSurvivesKill: it serves the
// API on the SQLite file named by $MEDCODE_KILL_TEST_DB until killed.
func TestKillChildServe(t *testing.T) {
	path := os.Getenv(killChildEnv)
	if path == "" {
		t.Skip("child process of TestFeedbackSurvivesKill only")
	}
	store, err := feedback.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	set := testSet()
	srv, err := New(Options{Engine: &fakeEngine{set: set}, Set: set, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("LISTEN %s\n", ln.Addr())
	http.Serve(ln, srv.Handler())
}

// TestFeedbackSurvivesKill SIGKILLs a serving process in the middle of a
// feedback burst and checks that every acknowledged (201) event is in the
// store afterwards.
func TestFeedbackSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "feedback.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChildServe$", "-test.count=1")
	cmd.Env = append(os.Environ(), killChildEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "LISTEN "); ok {
				addr <- a
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("child did not start serving")
	}

	var (
		mu      sync.Mutex
		acked   = map[string]bool{}
		sent    atomic.Int64
		killed  atomic.Bool
		wg      sync.WaitGroup
		client  = &http.Client{Timeout: 5 * time.Second}
		killAt  = int64(150)
		workers = 8
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Feedback must name a request this server answered.
			resp, err := client.Post(base+"/v1/suggest", "application/json", strings.NewReader(`{"text":"diabetes"}`))
			if err != nil {
				t.Error(err)
				return
			}
			var sr struct{ RequestID string }
			json.NewDecoder(resp.Body).Decode(&sr)
			resp.Body.Close()
			for i := 0; !killed.Load() && i < 10000; i++ {
				id := fmt.Sprintf("kill-%d-%d", w, i)
				body := fmt.Sprintf(`{"requestId":%q,"system":"icd10cm","code":"E11.9","action":"accepted"}`, sr.RequestID)
				req, _ := http.NewRequest("POST", base+"/v1/feedback", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Idempotency-Key", id)
				resp, err := client.Do(req)
				if err != nil {
					continue // the child is gone
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusCreated {
					mu.Lock()
					acked[id] = true
					mu.Unlock()
				}
				if sent.Add(1) == killAt {
					cmd.Process.Signal(syscall.SIGKILL)
					killed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	cmd.Wait()
	if !killed.Load() {
		t.Fatal("burst ended before the kill")
	}
	if int64(len(acked)) < killAt/2 {
		t.Fatalf("only %d events acknowledged before the kill", len(acked))
	}
	store, err := feedback.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer store.Close()
	evs, err := store.Events(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range evs {
		have[e.Key] = true
	}
	missing := 0
	for id := range acked {
		if !have[id] {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged events lost after SIGKILL", missing, len(acked))
	}
	t.Logf("acknowledged %d, stored %d (unacknowledged in flight may be stored too)", len(acked), len(evs))
}
