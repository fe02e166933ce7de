// Package feedback is the durable store of coder actions on suggestions:
// a code accepted, rejected or added for one suggest request.
//
// Contract:
//   - Store.Add returns only after the event is durable: the SQLite store
//     runs in WAL mode with synchronous=FULL and commits every event in its
//     own transaction; the PostgreSQL store commits before returning.
//   - Store.AddAll is atomic: it validates every event first, then stores
//     all of them in one transaction or none.
//   - Idempotency: an event carrying a Key already stored (a client's
//     retry) is not stored again and does not move ranking again; the
//     stored event is returned with Replayed set. The same Key with a
//     different request id, system, code or action is ErrKeyReused.
//   - Schemas are created by embedded, numbered migrations recorded in a
//     schema_version table; opening a database newer than the code fails.
//   - Events never hold note text: only the request id, the code, the
//     action, the coder's reason and user name, and the code names (terms)
//     that matched the note.
//   - Every Store also adjusts ranking (Adjusts and Adjust, which satisfy
//     suggest.Adjuster structurally): feedback on a code moves its
//     log-odds, more when the same terms were seen. Tallies are kept in
//     memory, loaded at Open and updated by Add; Adjust is safe for
//     concurrent use and bounded by ±MaxAdjust.
//   - Output is deterministic: Events by id, Stats by system then code.
//
// This package imports only corpus among medcode packages.
package feedback
