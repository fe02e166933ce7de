package feedback

// Stats is the acceptance of suggestions, overall and per code.
type Stats struct {
	Overall Rate        `json:"overall"`
	Codes   []CodeStats `json:"codes"` // by system, then code
}

// Rate counts actions. AcceptanceRate is Accepted/(Accepted+Rejected), 0
// when neither was seen; Added codes are those the engine missed.
type Rate struct {
	Accepted       int     `json:"accepted"`
	Rejected       int     `json:"rejected"`
	Added          int     `json:"added"`
	Total          int     `json:"total"`
	AcceptanceRate float64 `json:"acceptanceRate"`
}

// CodeStats is the Rate of one code.
type CodeStats struct {
	System string `json:"system"`
	Code   string `json:"code"`
	Rate
}

func (r *Rate) count(action string, n int) {
	switch action {
	case Accepted:
		r.Accepted += n
	case Rejected:
		r.Rejected += n
	case Added:
		r.Added += n
	}
	r.Total += n
	if d := r.Accepted + r.Rejected; d > 0 {
		r.AcceptanceRate = float64(r.Accepted) / float64(d)
	}
}
