package main

import (
	"path/filepath"
	"testing"
	"time"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
)

func TestZZProbe(t *testing.T) {
	d := filepath.Join(testenv.DataDir(t), "codesets")
	t0 := time.Now()
	set, err := corpus.Load(t.Context(), corpus.Options{Dir: d, OrderOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("order-only+hcpcs %v", time.Since(t0))
	t0 = time.Now()
	hc, err := corpus.ReadHCPCSWorkbook(filepath.Join(d, "hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx"))
	t.Logf("hcpcs %v %d %v", time.Since(t0), len(hc), err)
	t0 = time.Now()
	ix, err := index.Build(set, index.Options{})
	t.Logf("build %v %v", time.Since(t0), err)
	p := filepath.Join(t.TempDir(), "ix")
	t0 = time.Now()
	ix.WriteFile(p)
	t.Logf("write %v", time.Since(t0))
	t0 = time.Now()
	_, err = index.ReadFile(p)
	t.Logf("read %v %v", time.Since(t0), err)
}
