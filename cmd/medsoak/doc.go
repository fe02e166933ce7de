// Command medsoak is the load-and-fault test behind `make soak`: it starts
// `medcode serve` as a child process on a loopback port with a fresh
// SQLite feedback store and an API key, replays a mixed corpus of good and
// hostile requests from several workers, SIGKILLs the child while feedback
// is being written and restarts it, several rounds, then checks the store.
//
// Contract:
//   - Loopback only: the child listens on 127.0.0.1 and every request goes
//     there; nothing else is contacted.
//   - Bounded: traffic runs for --duration in all (default 50 s), split
//     evenly between the rounds around the kills (default 5); each (re)start may take at most
//     --load-timeout; the child is always stopped at the end.
//   - It prints requests sent, answers by class, 5xx answers (must be 0),
//     answers other than the one each case expects, acknowledged feedback
//     rows and how many of them the store lost (must be 0), and the child's
//     largest peak RSS (VmHWM from /proc). It exits 1 when a 5xx answer, an
//     unexpected answer or a lost row was seen.
//   - Good requests expect 2xx; each hostile request expects its own 4xx.
package main
