// Package web is the coder workbench: a single-page app, embedded in the
// binary, that a professional medical coder uses to review the engine's
// suggestions for one note.
//
// Contract:
//   - Handler serves index.html, app.js and app.css from an embed.FS; the
//     page loads nothing from the internet, needs no build step and uses no
//     framework.
//   - The page talks only to the server's JSON API on the same origin:
//     POST /v1/suggest, GET /v1/codes/search and POST /v1/feedback.
//   - Evidence offsets in the API are UTF-8 byte offsets into the note the
//     page sent; the page converts them to string positions itself, so
//     non-ASCII notes highlight the right characters.
//   - The page never sends note text anywhere but /v1/suggest and never
//     stores it (no localStorage, no cookies).
//   - Only GET and HEAD are served; other methods get 405, unknown paths 404.
//
// This package must not import medcode/server (server imports it).
package web
