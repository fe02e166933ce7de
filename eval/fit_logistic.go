package eval

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// LogisticOptions configure FitLogistic. The zero value works.
type LogisticOptions struct {
	// L2 is the ridge penalty λ on the weights of the standardised
	// features; 0 means 1. The bias is not penalised.
	L2 float64
	// MaxIter bounds the Newton iterations; 0 means 100.
	MaxIter int
	// Tol stops the iterations when the largest gradient component falls
	// below it; 0 means 1e-9.
	Tol float64
}

func (o LogisticOptions) withDefaults() LogisticOptions {
	if o.L2 <= 0 {
		o.L2 = 1
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 100
	}
	if o.Tol <= 0 {
		o.Tol = 1e-9
	}
	return o
}

// FitLogistic fits an L2-regularised logistic regression
//
//	P(y=1|x) = σ(w·x + b)
//
// to rows X with labels y in [0,1] (soft labels allowed). Each feature is
// standardised internally (z = (x-mean)/sd, population sd; constant
// features get weight 0) and the fit minimises
//
//	Σ_i [ -y_i log σ(v·z_i + c) - (1-y_i) log(1-σ(v·z_i + c)) ] + (λ/2)·||v||²
//
// by Newton's method (iteratively reweighted least squares) with a
// backtracking line search. The returned w and b are mapped back to the
// original feature scale, so σ(w·x + b) is the model's probability for a raw
// row x. The result is deterministic.
func FitLogistic(X [][]float64, y []float64, opts LogisticOptions) (w []float64, b float64, err error) {
	o := opts.withDefaults()
	n := len(X)
	if n == 0 {
		return nil, 0, errors.New("eval: fit logistic: no rows")
	}
	if len(y) != n {
		return nil, 0, fmt.Errorf("eval: fit logistic: %d rows but %d labels", n, len(y))
	}
	d := len(X[0])
	for i, row := range X {
		if len(row) != d {
			return nil, 0, fmt.Errorf("eval: fit logistic: row %d has %d features, want %d", i, len(row), d)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, 0, fmt.Errorf("eval: fit logistic: row %d feature %d is not finite", i, j)
			}
		}
		if !(y[i] >= 0 && y[i] <= 1) {
			return nil, 0, fmt.Errorf("eval: fit logistic: label %d is %v, want a value in [0,1]", i, y[i])
		}
	}

	// Standardise.
	mean := make([]float64, d)
	sd := make([]float64, d)
	for _, row := range X {
		for j, v := range row {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	for _, row := range X {
		for j, v := range row {
			dv := v - mean[j]
			sd[j] += dv * dv
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j] / float64(n))
	}
	// Z holds the standardised features plus a trailing column of ones.
	p := d + 1
	Z := mat.NewDense(n, p, nil)
	for i, row := range X {
		for j, v := range row {
			if sd[j] > 0 {
				Z.Set(i, j, (v-mean[j])/sd[j])
			}
		}
		Z.Set(i, d, 1)
	}

	theta := make([]float64, p)
	// Start the bias at the log-odds of the mean label (clamped) so that
	// unbalanced data converges in a few steps.
	ybar := 0.0
	for _, v := range y {
		ybar += v
	}
	ybar /= float64(n)
	ybar = math.Min(math.Max(ybar, 1e-6), 1-1e-6)
	theta[d] = math.Log(ybar / (1 - ybar))

	lambda := o.L2
	obj := func(t []float64) float64 {
		s := 0.0
		for i := 0; i < n; i++ {
			m := dotRow(Z, i, t)
			s += logLoss(m, y[i])
		}
		for j := 0; j < d; j++ {
			s += lambda / 2 * t[j] * t[j]
		}
		return s
	}
	grad := make([]float64, p)
	H := mat.NewSymDense(p, nil)
	step := mat.NewVecDense(p, nil)
	cur := obj(theta)
	for iter := 0; iter < o.MaxIter; iter++ {
		for j := range grad {
			grad[j] = 0
		}
		H.Zero()
		for i := 0; i < n; i++ {
			m := dotRow(Z, i, theta)
			pi := sigmoid(m)
			r := pi - y[i]
			wt := pi * (1 - pi)
			for j := 0; j < p; j++ {
				zj := Z.At(i, j)
				if zj == 0 {
					continue
				}
				grad[j] += r * zj
				for k := j; k < p; k++ {
					if zk := Z.At(i, k); zk != 0 {
						H.SetSym(j, k, H.At(j, k)+wt*zj*zk)
					}
				}
			}
		}
		maxg := 0.0
		for j := 0; j < p; j++ {
			if j < d {
				grad[j] += lambda * theta[j]
				H.SetSym(j, j, H.At(j, j)+lambda)
			} else {
				// A tiny ridge on the bias keeps H invertible when every
				// label is equal.
				H.SetSym(j, j, H.At(j, j)+1e-10)
			}
			maxg = math.Max(maxg, math.Abs(grad[j]))
		}
		if maxg < o.Tol {
			break
		}
		var chol mat.Cholesky
		g := mat.NewVecDense(p, append([]float64(nil), grad...))
		if ok := chol.Factorize(H); ok {
			if err := chol.SolveVecTo(step, g); err != nil {
				step.CopyVec(g)
			}
		} else {
			step.CopyVec(g) // gradient descent fallback
		}
		// Backtracking line search on the objective.
		t := 1.0
		next := make([]float64, p)
		improved := false
		for ls := 0; ls < 50; ls++ {
			for j := range next {
				next[j] = theta[j] - t*step.AtVec(j)
			}
			if v := obj(next); v <= cur {
				theta, cur, improved = next, v, true
				break
			}
			t /= 2
		}
		if !improved {
			break
		}
	}

	w = make([]float64, d)
	b = theta[d]
	for j := 0; j < d; j++ {
		if sd[j] > 0 {
			w[j] = theta[j] / sd[j]
			b -= w[j] * mean[j]
		}
	}
	return w, b, nil
}

// Predict returns σ(w·x + b), the probability FitLogistic's model gives x.
func Predict(w []float64, b float64, x []float64) float64 {
	m := b
	for j := range w {
		if j < len(x) {
			m += w[j] * x[j]
		}
	}
	return sigmoid(m)
}

func dotRow(Z *mat.Dense, i int, t []float64) float64 {
	s := 0.0
	for j, v := range t {
		s += Z.At(i, j) * v
	}
	return s
}

func sigmoid(m float64) float64 {
	if m >= 0 {
		return 1 / (1 + math.Exp(-m))
	}
	e := math.Exp(m)
	return e / (1 + e)
}

// logLoss is -y log σ(m) - (1-y) log(1-σ(m)), computed stably.
func logLoss(m, y float64) float64 {
	// log(1+e^m) - y·m
	var sp float64
	if m > 0 {
		sp = m + math.Log1p(math.Exp(-m))
	} else {
		sp = math.Log1p(math.Exp(m))
	}
	return sp - y*m
}
