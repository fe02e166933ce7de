// Package server is medcode's HTTP API: code suggestions for notes
// (/v1/suggest), code details and autocomplete (/v1/codes), coder feedback
// (/v1/feedback), CDS Hooks 2.0 (/cds-services), health (/healthz,
// /readyz), Prometheus metrics (/metrics), the OpenAPI 3 description
// (/openapi.json) and the coder workbench page (/).
//
// Contract:
//   - Note text is never logged: the request log holds method, route,
//     status, latency and request id only; gin's own logger is not used.
//   - Every error is application/problem+json {type, title, status,
//     detail}. Client errors are 4xx (malformed JSON, duplicate or
//     case-folded keys, empty, binary or control-character text — every
//     suggest sentinel error —, unknown system, bad date, bad limits, a CDS
//     request without context: 400; missing or wrong API key: 401; a
//     disallowed cross-origin request: 403; unknown code, request, card or
//     route: 404; wrong method: 405; body not received within
//     Options.BodyTimeout: 408; idempotency key reused: 409; body or note
//     over 100 KB: 413; body not JSON: 415; Host not loopback under
//     LoopbackHosts: 421; accepting or rejecting a code the request did
//     not suggest: 422); a panic is recovered into a 500 problem; an engine
//     not yet loaded (ErrNotReady, feedback included: codes cannot be
//     checked) or a request over its deadline is 503.
//   - Admission (admission.go): at most Options.MaxConcurrent engine calls
//     run at once (GOMAXPROCS); a note that finds Options.MaxQueue notes
//     already waiting, or waits longer than Options.QueueWait, is answered
//     503 "overloaded" with Retry-After: 1 at once and counted in
//     medcode_overloaded_total. Past capacity the server sheds load instead
//     of queueing without bound, so the notes it serves keep their latency
//     and memory stays that of a bounded number of requests. A batch's
//     notes wait for slots without the queue bound.
//   - Every answer has X-Content-Type-Options: nosniff and Cache-Control:
//     no-store (the workbench's assets: no-cache). CORS headers go only to
//     Options.AllowedOrigins (never *); a POST from another origin than the
//     server's own or an allowed one is 403. The Host header is never
//     echoed: CDS Hooks card links come from Options.PublicURL.
//   - HTTPServer sets every http.Server timeout; a request body must
//     arrive within the body timeout, a deadline lifted once it is read.
//   - /metrics labels are bounded: route is the route template (or
//     "unmatched"), method a standard method or "other".
//   - Each /v1/suggest answer carries a requestId (also the X-Request-Id
//     header). The server remembers, for the most recent requests, the
//     suggested codes and the code names that matched their evidence (never
//     note text), so feedback for (requestId, code) is stored with those
//     terms and moves future ranking through the feedback store's Adjust.
//     Feedback is accepted only for such a remembered requestId (404
//     otherwise) and, for accepted or rejected, only for a code it
//     suggested (422); an Idempotency-Key header makes a retry a no-op
//     (200 with the stored event). CDS Hooks feedback is validated whole,
//     then stored in one transaction, each card outcome once.
//   - /readyz is 200 only after SetReady(true); /healthz is always 200.
//   - A Server is safe for concurrent use.
package server
