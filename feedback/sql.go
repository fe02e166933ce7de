package feedback

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"
)

// dialect is what differs between the SQL databases.
type dialect struct {
	name   string // migrations folder
	driver string
	lock   string // statement serializing migrations, "" for none
	dollar bool   // $1 placeholders instead of ?
}

var (
	sqlite   = dialect{name: "sqlite", driver: "sqlite"}
	postgres = dialect{name: "postgres", driver: "pgx", lock: `SELECT pg_advisory_xact_lock(7305514)`, dollar: true}
)

// rebind turns ? placeholders into $n where the dialect needs it.
func (d dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sqlStore is the Store over database/sql, for SQLite and PostgreSQL.
type sqlStore struct {
	adjuster
	db *sql.DB
	d  dialect
}

// sqliteDSN adds the pragmas every connection needs: WAL, fsync on every
// commit, a busy timeout, immediate write transactions.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

func openSQL(ctx context.Context, d dialect, dsn string) (*sqlStore, error) {
	src := dsn
	if d == sqlite {
		src = sqliteDSN(dsn)
	}
	db, err := sql.Open(d.driver, src)
	if err != nil {
		return nil, fmt.Errorf("feedback: open %s: %w", d.name, err)
	}
	if d == sqlite {
		db.SetMaxOpenConns(4)
	}
	s := &sqlStore{db: db, d: d}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("feedback: open %s: %w", d.name, err)
	}
	if err := migrate(ctx, db, d); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.load(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// load fills the in-memory adjuster from every stored event.
func (s *sqlStore) load(ctx context.Context) error {
	evs, err := s.query(ctx, eventCols+` ORDER BY id`)
	if err != nil {
		return err
	}
	for _, e := range evs {
		s.adjuster.add(e)
	}
	return nil
}

func (s *sqlStore) Add(ctx context.Context, e Event) (Event, error) {
	out, err := s.AddAll(ctx, []Event{e})
	if err != nil {
		return e, err
	}
	return out[0], nil
}

// eventCols are the columns query scans, in order.
const eventCols = `SELECT id, request_id, system, code, action, reason, user_name, terms, created_us, idem_key FROM events`

func (s *sqlStore) AddAll(ctx context.Context, evs []Event) ([]Event, error) {
	out := make([]Event, len(evs))
	terms := make([]string, len(evs))
	for i, e := range evs {
		e, err := normalize(e)
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(e.Terms)
		if err != nil {
			return nil, fmt.Errorf("feedback: encode terms: %w", err)
		}
		out[i], terms[i] = e, string(b)
	}
	if len(out) == 0 {
		return out, nil
	}
	// One transaction: SQLite with synchronous=FULL and PostgreSQL both
	// make it durable before Commit returns.
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("feedback: add: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	insert := s.d.rebind(`INSERT INTO events (request_id, system, code, action, reason, user_name, terms, created_us, idem_key)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING RETURNING id`)
	fresh := make([]bool, len(out))
	for i := range out {
		e := &out[i]
		var key any // NULL: never conflicts
		if e.Key != "" {
			key = e.Key
		}
		err := tx.QueryRowContext(ctx, insert,
			e.RequestID, e.System, e.Code, e.Action, e.Reason, e.User, terms[i], e.Created.UnixMicro(), key,
		).Scan(&e.ID)
		if errors.Is(err, sql.ErrNoRows) {
			// The key is stored already: answer with the stored event.
			old, err := queryEvents(ctx, tx, s.d.rebind(eventCols+` WHERE idem_key = ?`), e.Key)
			if err != nil {
				return nil, err
			}
			if len(old) != 1 {
				return nil, fmt.Errorf("feedback: add: idempotency key %q conflicted but is not stored", e.Key)
			}
			o := old[0]
			if o.RequestID != e.RequestID || o.System != e.System || o.Code != e.Code || o.Action != e.Action {
				return nil, fmt.Errorf("feedback: key %q: %w", e.Key, ErrKeyReused)
			}
			o.Replayed = true
			*e = o
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("feedback: add: %w", err)
		}
		fresh[i] = true
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("feedback: add: %w", err)
	}
	for i, e := range out {
		if fresh[i] {
			s.adjuster.add(e)
		}
	}
	return out, nil
}

func (s *sqlStore) Events(ctx context.Context, requestID string) ([]Event, error) {
	if requestID == "" {
		return s.query(ctx, eventCols+` ORDER BY id`)
	}
	return s.query(ctx, s.d.rebind(eventCols+` WHERE request_id = ? ORDER BY id`), requestID)
}

func (s *sqlStore) query(ctx context.Context, q string, args ...any) ([]Event, error) {
	return queryEvents(ctx, s.db, q, args...)
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// queryEvents runs q, which selects eventCols.
func queryEvents(ctx context.Context, db querier, q string, args ...any) ([]Event, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("feedback: query events: %w", err)
	}
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var e Event
		var terms string
		var us int64
		var key sql.NullString
		if err := rows.Scan(&e.ID, &e.RequestID, &e.System, &e.Code, &e.Action, &e.Reason, &e.User, &terms, &us, &key); err != nil {
			return nil, fmt.Errorf("feedback: scan event: %w", err)
		}
		if err := json.Unmarshal([]byte(terms), &e.Terms); err != nil {
			return nil, fmt.Errorf("feedback: event %d terms: %w", e.ID, err)
		}
		e.Created = time.UnixMicro(us).UTC()
		e.Key = key.String
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("feedback: query events: %w", err)
	}
	return out, nil
}

func (s *sqlStore) Stats(ctx context.Context) (Stats, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT system, code, action, COUNT(*) FROM events GROUP BY system, code, action ORDER BY system, code, action`)
	if err != nil {
		return Stats{}, fmt.Errorf("feedback: stats: %w", err)
	}
	defer rows.Close()
	st := Stats{Codes: []CodeStats{}}
	for rows.Next() {
		var sys, code, action string
		var n int
		if err := rows.Scan(&sys, &code, &action, &n); err != nil {
			return Stats{}, fmt.Errorf("feedback: stats: %w", err)
		}
		if k := len(st.Codes); k == 0 || st.Codes[k-1].System != sys || st.Codes[k-1].Code != code {
			st.Codes = append(st.Codes, CodeStats{System: sys, Code: code})
		}
		st.Codes[len(st.Codes)-1].count(action, n)
		st.Overall.count(action, n)
	}
	if err := rows.Err(); err != nil {
		return Stats{}, fmt.Errorf("feedback: stats: %w", err)
	}
	// Byte order, whatever the database's collation.
	sort.Slice(st.Codes, func(i, j int) bool {
		a, b := st.Codes[i], st.Codes[j]
		if a.System != b.System {
			return a.System < b.System
		}
		return a.Code < b.Code
	})
	return st, nil
}

func (s *sqlStore) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("feedback: close: %w", err)
	}
	return nil
}
