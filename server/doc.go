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
//     detail}. Client errors are 4xx (malformed JSON, empty text, unknown
//     system, bad date, bad limits: 400; missing or wrong API key: 401;
//     unknown code, card or route: 404; wrong method: 405; body over
//     MaxBody: 413); a panic is recovered into a 500 problem; an engine not
//     yet loaded (ErrNotReady) or a request over its deadline is 503.
//   - Each /v1/suggest answer carries a requestId (also the X-Request-Id
//     header). The server remembers, for the most recent requests, the
//     suggested codes and the code names that matched their evidence (never
//     note text), so feedback for (requestId, code) is stored with those
//     terms and moves future ranking through the feedback store's Adjust.
//   - /readyz is 200 only after SetReady(true); /healthz is always 200.
//   - A Server is safe for concurrent use.
package server
