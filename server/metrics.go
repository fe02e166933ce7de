package server

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus collectors.
type metrics struct {
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	suggestions prometheus.Histogram
	overloaded  prometheus.Counter
	series      sync.Map // seriesKey → series: the labelled children, looked up once
}

// seriesKey names one request series: bounded (route templates, standard
// methods, HTTP statuses), so the cache stays small.
type seriesKey struct {
	route, method string
	status        int
}

// series is one request series' counter and latency histogram.
type series struct {
	requests prometheus.Counter
	latency  prometheus.Observer
}

func newMetrics(reg *prometheus.Registry) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "medcode_http_requests_total",
			Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "medcode_http_request_duration_seconds",
			Help:    "HTTP request latency by route, method and status.",
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method", "status"}),
		suggestions: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "medcode_suggestions_per_request",
			Help:    "Suggestions returned per suggested note.",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21, 34, 55},
		}),
		overloaded: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "medcode_overloaded_total",
			Help: "Notes answered 503 because the engine queue was full or the queue wait ran out.",
		}),
	}
	var err error
	m.requests, err = register(reg, m.requests)
	if err != nil {
		return nil, err
	}
	m.latency, err = register(reg, m.latency)
	if err != nil {
		return nil, err
	}
	m.suggestions, err = register(reg, m.suggestions)
	if err != nil {
		return nil, err
	}
	m.overloaded, err = register(reg, m.overloaded)
	if err != nil {
		return nil, err
	}
	// The process's memory, CPU and file descriptors and the Go runtime's
	// heap and collector: what an operator watches for the memory limit.
	if _, err := register(reg, collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})); err != nil {
		return nil, err
	}
	if _, err := register(reg, collectors.NewGoCollector()); err != nil {
		return nil, err
	}
	return m, nil
}

// register adds c to reg, reusing an identical collector already there
// (several servers may share one registry).
func register[C prometheus.Collector](reg *prometheus.Registry, c C) (C, error) {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if old, ok := are.ExistingCollector.(C); ok {
				return old, nil
			}
		}
		return c, fmt.Errorf("server: register metrics: %w", err)
	}
	return c, nil
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	key := seriesKey{route, methodLabel(method), status}
	v, ok := m.series.Load(key)
	if !ok {
		st := itoa(status)
		v, _ = m.series.LoadOrStore(key, series{
			requests: m.requests.WithLabelValues(key.route, key.method, st),
			latency:  m.latency.WithLabelValues(key.route, key.method, st),
		})
	}
	sr := v.(series)
	sr.requests.Inc()
	sr.latency.Observe(d.Seconds())
}

func (s *Server) metricsHandler() http.Handler {
	return promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry})
}

// methodLabel bounds the method label: a client may send any token as the
// method, and each distinct one would be a new series.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "other"
}
