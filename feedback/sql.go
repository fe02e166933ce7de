package feedback

import (
	"context"
	"database/sql"
	"encoding/json"
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
	evs, err := s.query(ctx, `SELECT id, request_id, system, code, action, reason, user_name, terms, created_us FROM events ORDER BY id`)
	if err != nil {
		return err
	}
	for _, e := range evs {
		s.adjuster.add(e)
	}
	return nil
}

func (s *sqlStore) Add(ctx context.Context, e Event) (Event, error) {
	e, err := normalize(e)
	if err != nil {
		return e, err
	}
	terms, err := json.Marshal(e.Terms)
	if err != nil {
		return e, fmt.Errorf("feedback: encode terms: %w", err)
	}
	// A single autocommitted statement: SQLite with synchronous=FULL and
	// PostgreSQL both make it durable before the call returns.
	err = s.db.QueryRowContext(ctx, s.d.rebind(
		`INSERT INTO events (request_id, system, code, action, reason, user_name, terms, created_us)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		e.RequestID, e.System, e.Code, e.Action, e.Reason, e.User, string(terms), e.Created.UnixMicro(),
	).Scan(&e.ID)
	if err != nil {
		return e, fmt.Errorf("feedback: add: %w", err)
	}
	s.adjuster.add(e)
	return e, nil
}

func (s *sqlStore) Events(ctx context.Context, requestID string) ([]Event, error) {
	const cols = `SELECT id, request_id, system, code, action, reason, user_name, terms, created_us FROM events`
	if requestID == "" {
		return s.query(ctx, cols+` ORDER BY id`)
	}
	return s.query(ctx, s.d.rebind(cols+` WHERE request_id = ? ORDER BY id`), requestID)
}

func (s *sqlStore) query(ctx context.Context, q string, args ...any) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("feedback: query events: %w", err)
	}
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var e Event
		var terms string
		var us int64
		if err := rows.Scan(&e.ID, &e.RequestID, &e.System, &e.Code, &e.Action, &e.Reason, &e.User, &terms, &us); err != nil {
			return nil, fmt.Errorf("feedback: scan event: %w", err)
		}
		if err := json.Unmarshal([]byte(terms), &e.Terms); err != nil {
			return nil, fmt.Errorf("feedback: event %d terms: %w", e.ID, err)
		}
		e.Created = time.UnixMicro(us).UTC()
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
