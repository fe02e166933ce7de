# medcode — see README.md. `make run` serves on the built-in defaults; `make test` runs the suite.
GO        ?= go
DATA      ?= data
MEDCODE   := bin/medcode
TRAIN     := $(DATA)/evaldata/codiesp/train.jsonl.gz
DEV       := $(DATA)/evaldata/codiesp/dev.jsonl.gz
GOFILES   := $(shell git ls-files '*.go' 2>/dev/null)
# What the snapshot and the model are built from: rebuilt when these change.
INDEX_SRC := $(wildcard corpus/*.go corpus/*.csv nlp/*.go nlp/*.txt index/*.go)
MODEL_SRC := $(wildcard suggest/*.go eval/mine.go eval/train.go eval/fit_*.go)

.PHONY: all build data run test check lint fmt vet staticcheck bench fuzz eval-dev eval-suites clean

all: build

build:
	$(GO) build -o $(MEDCODE) ./cmd/medcode

# data/codesets from ../shared (or the official downloads), then the index snapshot and
# the default model trained on CodiEsp train. Quick when everything is present.
data: $(DATA)/index.snap $(DATA)/model.json

.PHONY: codesets
codesets:
	./scripts/data.sh

$(DATA)/index.snap: $(INDEX_SRC) | codesets build
	$(MEDCODE) --data $(DATA) index build --out $@

# The default model: trained reproducibly on CodiEsp train (ICD-10-CM gold codes).
$(DATA)/model.json: $(DATA)/index.snap $(MODEL_SRC) | build
	@if [ -f $(TRAIN) ]; then $(MEDCODE) --data $(DATA) --model none train --systems icd10cm --cases $(TRAIN) --out $@; \
	else echo "data: no labelled notes at $(TRAIN); the engine runs untrained"; fi

run: build data
	$(MEDCODE) --data $(DATA) serve

test: data
	$(GO) test -race -count=1 ./...

fmt:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	@command -v staticcheck >/dev/null 2>&1 || $(GO) install honnef.co/go/tools/cmd/staticcheck@latest
	$$($(GO) env GOPATH)/bin/staticcheck ./... || staticcheck ./...

lint: fmt vet staticcheck

check: lint test

bench: data
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

fuzz:
	@for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p | grep ^Fuzz); do \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 10s $$p || exit 1; done; done

# The README's dev table, generated from the engine before and after training.
eval-dev: build data
	./scripts/devtable.sh

# The README's suites table: CodiEsp dev, the statement and radiology suites (and the
# round-trip suite when generated), untrained and trained.
eval-suites: build data
	./scripts/suites.sh

clean:
	rm -rf bin $(DATA)/index.snap $(DATA)/model.json
