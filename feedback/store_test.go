package feedback

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// opener opens a store; calling it again opens the same database anew.
type opener func(t *testing.T) Store

func TestSQLiteStore(t *testing.T) {
	storeSuite(t, func(t *testing.T) opener {
		path := filepath.Join(t.TempDir(), "sub", "feedback.db")
		return func(t *testing.T) Store {
			s, err := Open(context.Background(), "sqlite:"+path)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}

// TestPostgresStore runs the same suite against $MEDCODE_TEST_POSTGRES, each
// test in a fresh schema. Without the variable it skips, unless CI is set.
func TestPostgresStore(t *testing.T) {
	dsn := os.Getenv("MEDCODE_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("MEDCODE_TEST_POSTGRES is not set: CI must run the PostgreSQL store suite (see .ci/run)")
		}
		t.Skip("MEDCODE_TEST_POSTGRES not set: skipping the PostgreSQL store suite")
	}
	storeSuite(t, func(t *testing.T) opener {
		var b [6]byte
		rand.Read(b[:])
		schema := "medcode_test_" + hex.EncodeToString(b[:])
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		t.Cleanup(func() {
			admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			admin.Close()
		})
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		full := dsn + sep + "search_path=" + schema
		return func(t *testing.T) Store {
			s, err := Open(context.Background(), full)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}

func storeSuite(t *testing.T, fresh func(t *testing.T) opener) {
	ctx := context.Background()
	t.Run("AddEventsStats", func(t *testing.T) {
		open := fresh(t)
		s := open(t)
		defer s.Close()
		in := []Event{
			{RequestID: "r1", System: "icd10cm", Code: "e119", Action: Accepted, Terms: []string{"Type 2  Diabetes", "type 2 diabetes", ""}, User: "ann"},
			{RequestID: "r1", System: "ICD-10-CM", Code: "I10", Action: Rejected, Reason: "not documented"},
			{RequestID: "r2", System: "cpt", Code: "99213", Action: Added},
			{RequestID: "r2", System: "ICD-10-CM", Code: "E11.9", Action: Rejected},
			{RequestID: "r3", System: "ICD-10-CM", Code: "E11.9", Action: Accepted, Created: time.Date(2025, 1, 2, 3, 4, 5, 6789, time.UTC)},
		}
		var prev int64
		for i, e := range in {
			got, err := s.Add(ctx, e)
			if err != nil {
				t.Fatalf("Add %d: %v", i, err)
			}
			if got.ID <= prev {
				t.Errorf("Add %d: id %d not after %d", i, got.ID, prev)
			}
			prev = got.ID
			if got.Created.IsZero() || got.Created.Location() != time.UTC {
				t.Errorf("Add %d: created %v", i, got.Created)
			}
		}
		evs, err := s.Events(ctx, "r1")
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 2 || evs[0].Code != "E11.9" || evs[0].System != "ICD-10-CM" || evs[1].Code != "I10" {
			t.Fatalf("Events(r1) = %+v", evs)
		}
		if got := strings.Join(evs[0].Terms, ","); got != "type 2 diabetes" {
			t.Errorf("terms = %q, want normalized and deduplicated", got)
		}
		if evs[0].User != "ann" || evs[1].Reason != "not documented" {
			t.Errorf("user/reason lost: %+v", evs)
		}
		r3, _ := s.Events(ctx, "r3")
		if len(r3) != 1 || !r3[0].Created.Equal(time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC)) {
			t.Errorf("Events(r3) = %+v, want created truncated to µs", r3)
		}
		all, _ := s.Events(ctx, "")
		if len(all) != len(in) {
			t.Errorf("Events(\"\") = %d events, want %d", len(all), len(in))
		}
		none, err := s.Events(ctx, "nope")
		if err != nil || none == nil || len(none) != 0 {
			t.Errorf("Events(nope) = %v, %v; want empty non-nil", none, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := Rate{Accepted: 2, Rejected: 2, Added: 1, Total: 5, AcceptanceRate: 0.5}
		if st.Overall != want {
			t.Errorf("overall = %+v, want %+v", st.Overall, want)
		}
		var keys []string
		for _, c := range st.Codes {
			keys = append(keys, c.System+" "+c.Code)
		}
		if got := strings.Join(keys, ","); got != "CPT 99213,ICD-10-CM E11.9,ICD-10-CM I10" {
			t.Errorf("stats codes = %s", got)
		}
		if e := st.Codes[1]; e.Accepted != 2 || e.Rejected != 1 || math.Abs(e.AcceptanceRate-2.0/3) > 1e-12 {
			t.Errorf("E11.9 stats = %+v", e)
		}
	})
	t.Run("Invalid", func(t *testing.T) {
		s := fresh(t)(t)
		defer s.Close()
		for _, e := range []Event{
			{System: "snomed", Code: "1", Action: Accepted},
			{System: "cpt", Code: "", Action: Accepted},
			{System: "cpt", Code: "99213", Action: "maybe"},
			{System: "cpt", Code: "99213", Action: ""},
			{System: "cpt", Code: strings.Repeat("9", 40), Action: Accepted},
			{System: "cpt", Code: "99213", Action: Accepted, RequestID: strings.Repeat("x", 500)},
			{System: "cpt", Code: "99213", Action: Accepted, Reason: strings.Repeat("x", 5000)},
			{System: "cpt", Code: "99213", Action: Accepted, User: "\xff"},
			{System: "cpt", Code: "99213", Action: Accepted, Terms: make([]string, 100)},
		} {
			if _, err := s.Add(ctx, e); !errors.Is(err, ErrInvalid) {
				t.Errorf("Add(%+.60v) = %v, want ErrInvalid", e, err)
			}
		}
		if evs, _ := s.Events(ctx, ""); len(evs) != 0 {
			t.Errorf("invalid events were stored: %v", evs)
		}
	})
	t.Run("ReopenKeepsEventsAndAdjust", func(t *testing.T) {
		open := fresh(t)
		s := open(t)
		for range 3 {
			if _, err := s.Add(ctx, Event{RequestID: "r", System: "ICD-10-CM", Code: "R52", Action: Rejected, Terms: []string{"pain"}}); err != nil {
				t.Fatal(err)
			}
		}
		before := s.Adjust("ICD-10-CM", "R52", []string{"Pain"})
		if before >= 0 {
			t.Fatalf("Adjust after rejections = %v, want < 0", before)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = open(t) // migrations run again: must be a no-op
		defer s.Close()
		if evs, _ := s.Events(ctx, "r"); len(evs) != 3 {
			t.Errorf("after reopen: %d events, want 3", len(evs))
		}
		if after := s.Adjust("ICD-10-CM", "R52", []string{"pain"}); after != before {
			t.Errorf("Adjust after reopen = %v, want %v", after, before)
		}
	})
	t.Run("AddAllAtomic", func(t *testing.T) {
		s := fresh(t)(t)
		defer s.Close()
		_, err := s.AddAll(ctx, []Event{
			{RequestID: "a", System: "cpt", Code: "99213", Action: Accepted},
			{RequestID: "a", System: "cpt", Code: "99213", Action: "maybe"},
		})
		if !errors.Is(err, ErrInvalid) {
			t.Fatalf("AddAll with an invalid second event = %v, want ErrInvalid", err)
		}
		if evs, _ := s.Events(ctx, ""); len(evs) != 0 {
			t.Errorf("AddAll stored %d events of a batch it refused", len(evs))
		}
		if st, _ := s.Stats(ctx); st.Overall.Total != 0 || s.Adjusts("CPT", "99213") {
			t.Errorf("a refused batch moved stats %+v or ranking", st.Overall)
		}
	})
	t.Run("IdempotencyKey", func(t *testing.T) {
		open := fresh(t)
		s := open(t)
		e := Event{RequestID: "k", System: "icd10cm", Code: "I10", Action: Accepted, Key: "key-1"}
		first, err := s.Add(ctx, e)
		if err != nil || first.Replayed || first.Key != "key-1" {
			t.Fatalf("first Add = %+v, %v", first, err)
		}
		again, err := s.Add(ctx, e)
		if err != nil || !again.Replayed || again.ID != first.ID {
			t.Fatalf("retried Add = %+v, %v; want the first event replayed", again, err)
		}
		// Twice in one call, and a fresh key beside it: stored once each.
		two, err := s.AddAll(ctx, []Event{
			{RequestID: "k", System: "icd10cm", Code: "E11.9", Action: Rejected, Key: "key-2"},
			{RequestID: "k", System: "icd10cm", Code: "E11.9", Action: Rejected, Key: "key-2"},
			{RequestID: "k", System: "icd10cm", Code: "I10", Action: Accepted, Key: "key-1"},
		})
		if err != nil || two[0].Replayed || !two[1].Replayed || two[1].ID != two[0].ID || !two[2].Replayed {
			t.Fatalf("AddAll with repeated keys = %+v, %v", two, err)
		}
		if _, err := s.Add(ctx, Event{RequestID: "k", System: "icd10cm", Code: "I10", Action: Rejected, Key: "key-1"}); !errors.Is(err, ErrKeyReused) {
			t.Errorf("key reused for other feedback = %v, want ErrKeyReused", err)
		}
		// Events without a key are never deduplicated.
		for range 2 {
			if _, err := s.Add(ctx, Event{RequestID: "k", System: "cpt", Code: "99213", Action: Added}); err != nil {
				t.Fatal(err)
			}
		}
		before := s.Adjust("ICD-10-CM", "I10", nil)
		s.Close()
		s = open(t)
		defer s.Close()
		evs, _ := s.Events(ctx, "k")
		if len(evs) != 4 {
			t.Errorf("stored %d events, want 4 (one per key, two without)", len(evs))
		}
		if after := s.Adjust("ICD-10-CM", "I10", nil); after != before {
			t.Errorf("Adjust after reopen = %v, before %v: replays must not count", after, before)
		}
		if _, err := s.Add(ctx, e); err != nil {
			t.Errorf("replay after reopen: %v", err)
		}
		if evs, _ := s.Events(ctx, "k"); len(evs) != 4 {
			t.Errorf("a replay after reopen stored again: %d events", len(evs))
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		s := fresh(t)(t)
		defer s.Close()
		var wg sync.WaitGroup
		const n = 40
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a := Accepted
				if i%4 == 0 {
					a = Rejected
				}
				_, err := s.Add(ctx, Event{RequestID: "c", System: "HCPCS", Code: "J1100", Action: a})
				errs <- err
				s.Adjust("HCPCS", "J1100", nil)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		st, _ := s.Stats(ctx)
		if st.Overall.Total != n || st.Overall.Rejected != n/4 {
			t.Errorf("stats after concurrent adds = %+v", st.Overall)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, ""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
	// A database written by a newer program is refused.
	path := filepath.Join(t.TempDir(), "f.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.(*sqlStore).db.Exec(`INSERT INTO schema_version (version) VALUES (999)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema = %v, want a 'newer' error", err)
	}
}
