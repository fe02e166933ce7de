# medcode — see README.md. `make run` serves on the built-in defaults; `make test` runs the suite.
GO        ?= go
DATA      ?= data
MEDCODE   := bin/medcode
TRAIN     := $(DATA)/evaldata/codiesp/train.jsonl.gz
DEV       := $(DATA)/evaldata/codiesp/dev.jsonl.gz
STATICCHECK_VERSION ?= v0.7.0
# gin without its MessagePack binding (gin's documented nomsgpack tag): the server decodes
# JSON itself, and github.com/ugorji/go/codec was the largest single compile of a cold
# build cache (26 s of CPU under -race). Every go command here builds with the same tags,
# so the binary, go vet, staticcheck and the tests share one build cache.
export GOFLAGS := -tags=nomsgpack $(GOFLAGS)
GOFILES   := $(shell git ls-files '*.go' 2>/dev/null)
# What the snapshot and the model are built from: rebuilt when these change.
# (Tests are not sources: editing one rebuilds nothing.)
INDEX_SRC := $(filter-out %_test.go,$(wildcard corpus/*.go corpus/*.csv nlp/*.go nlp/*.txt index/*.go))
# ... and the code sets: a new release dropped into data/codesets rebuilds the index.
CODESETS  := $(wildcard $(DATA)/codesets/icd10cm/*/* $(DATA)/codesets/hcpcs/*/*)
MODEL_SRC := $(filter-out %_test.go,$(wildcard suggest/*.go eval/mine.go eval/train.go eval/synth.go eval/fit_*.go cmd/medcode/train.go))

.PHONY: all build data run test test-norace-corpus test-norace-named check lint fmt vet staticcheck bench load pgo fuzz soak eval-dev eval-suites clean

all: build

# Profile-guided optimization: the binary is built with a CPU profile of `medcode serve` under
# `make load`'s closed loop (`make pgo` refreshes it). It is passed by -pgo rather than named
# cmd/medcode/default.pgo, which `go test` would also apply, compiling every dependency of
# cmd/medcode's tests a second time. PGO=off builds without it.
PGO       ?= cmd/medcode/serve.pgo
build:
	$(GO) build -pgo=$(PGO) -o $(MEDCODE) ./cmd/medcode

# data/codesets from ../shared (or $MEDCODE_SHARED, or the official downloads), then the
# index snapshot and the default model trained on CodiEsp train. Quick when everything is
# present; says what to do when the code sets cannot be had.
data: $(DATA)/index.snap $(DATA)/model.json

.PHONY: codesets
codesets:
	./scripts/data.sh

$(DATA)/index.snap: $(INDEX_SRC) $(CODESETS) | codesets build
	$(MEDCODE) --data $(DATA) index build --out $@

# The default model: trained reproducibly on CodiEsp train (ICD-10-CM gold codes) and
# notes written from the code sets (train --synthetic*, defaults).
$(DATA)/model.json: $(DATA)/index.snap $(MODEL_SRC) | build
	@if [ -f $(TRAIN) ]; then $(MEDCODE) --data $(DATA) --model none train --systems icd10cm --cases $(TRAIN) --out $@; \
	else echo "data: no labelled notes at $(TRAIN); the engine runs untrained"; fi

# make run PORT=9090, or make run ADDR=127.0.0.1:9090 (default 127.0.0.1:8080, loopback without API keys).
run: build data
	$(MEDCODE) --data $(DATA) serve --insecure-loopback $(if $(ADDR),--addr $(ADDR),$(if $(PORT),--addr 127.0.0.1:$(PORT)))

# The race pass skips the heavy tests that exercise no concurrency and take
# 5-20x longer under -race (testenv.SkipUnderRace): corpus's full-data tests, and
# the tests of suggest, index, cmd/medcode, eval and server named in NORACE (full
# data, or a fast form held to its plain one over many random inputs); the second
# pass runs them without it, corpus and the named tests side by side. suggest's
# TestNoRaceListed checks that NORACE names exactly the tests of those packages
# (NORACE_PKGS) that skip.
# suggest, the longest package, is named first so that go test starts it first
# (packages run two at a time on two cores; the others finish beside it).
NORACE = ^(TestAcuityCategoriesHoldEverySibling|TestAffirmsOtherAgrees|TestAllergyTable|TestAlternativesAgreesWithSort|TestAppendFixed2|TestAppendTermIDsIsTermID|TestAssertLiveAgrees|TestCaseClashMemo|TestCatTopOf|TestCodesFullData|TestCodesStatsJSON|TestCollectBest|TestCompareCodeOrd|TestCompetePackedAgrees|TestContradictionAgreesDevNotes|TestContradictionSaidMaskDevNotes|TestDedupeRejectedLongCodes|TestDeeperSubtermsAgreesWithPlain|TestDrugMentionsRanged|TestDrugStatusFilled|TestEponymSaidMemo|TestFindIsSearch|TestFloatAgrees|TestGiveGate|TestGiveWayPlain|TestHistoriesListed|TestHistoryMemoOwnsPositions|TestHitKeys|TestHypertensionNamed|TestHypertensionTable|TestKnownFactsAgree|TestLiveSites|TestMayGive|TestMentionSlotsNeedNoZeroing|TestMergeSpansAgreesWithSort|TestMinScoreKeeps|TestNameClash|TestNameClashCaps|TestNamesSymptomPlain|TestNeoSaidAgreesWithScan|TestNotePositionsDevNotes|TestNthSmallestAsSort|TestOpens|TestPackedBoundFindsPlain|TestPairBlocks|TestPairFactsAgree|TestPairFilterIsBound|TestPairFilterNarrowSlots|TestPairsFindWhatTheWalkFinds|TestPairsFitLargeIndex|TestPriorPair|TestQueryTermsAgree|TestRefineReadingsFused|TestRefsAgree|TestReleaseClearsArena|TestReleasePriorsShared|TestRunNorm|TestSaidStems|TestScansOnDevNotes|TestScoreIsPlain|TestSearcherIsSearch|TestSentSetAgreesWithScan|TestSevenWordsSay|TestSeventhMasked|TestSidedAtIsSidedSentences|TestSiteShare|TestSiteSuffixReadings|TestSiteWordsHeld|TestSlotAlternatives|TestSnapshotRejects|TestSortRejectionsAsSlice|TestSortSlotEntries|TestSpelledCodesAsMap|TestStatusTable|TestSuggestBodyDecodeFast|TestSuggestJSONAgrees|TestSuiteGoldCodesBillable|TestSupportICD|TestSymptomMayRead|TestTermBridgeAgrees|TestTermTableFindsWhatAMapFinds|TestTermWindow|TestTermsOfIsSentenceSpan|TestTitleAcuityMatchesRegexps|TestWeeksGateIsScan|TestWithKeys)$$
# The packages whose skipping tests NORACE names, all run by test-norace-named.
NORACE_PKGS = suggest index cmd/medcode eval server
# -vet=off: `make lint` (and `make check`) run the full go vet; go test's own vet pass
# re-analyses every dependency under -race on a cold build cache (66 s of CPU).
test: data
	$(GO) test -race -vet=off -count=1 ./suggest ./...
	$(MAKE) --no-print-directory -j2 test-norace-corpus test-norace-named

test-norace-corpus:
	$(GO) test -count=1 ./corpus

# GOGC=300: suggest's non-race tests hold several engines live (about 1 GB) while
# they allocate, and at the default GOGC a third of their CPU went to the collector
# marking them: 60 -> 42 CPU s, peak RSS 2.0 -> 2.8 GB (corpus's run gains little).
test-norace-named:
	GOGC=300 $(GO) test -count=1 -run '$(NORACE)' $(addprefix ./,$(NORACE_PKGS))

fmt:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

lint: fmt vet staticcheck

check: lint test

# Built with the binary's profile (PGO), so the figures are the shipped code's.
bench: data
	$(GO) test -pgo=$(PGO) -run '^$$' -bench . -benchmem -count=1 ./...

# Load from a separate process (cmd/medload): a server child on LOAD_ADDR, CodiEsp dev notes plus
# long ones of 8, 32 and 100 KB, open loop at a fixed rate then closed loop; prints a table.
LOAD_ADDR ?= 127.0.0.1:18080
LOAD_ARGS ?= -rate 1500 -clients 8 -duration 20s
LOAD_MEM  ?= auto
load: build data
	$(GO) build -o bin/medload ./cmd/medload
	@db=$$(mktemp -d); bin/medload -url http://$(LOAD_ADDR) -cases $(DEV) $(LOAD_ARGS) \
	  -server "$(MEDCODE) --data $(DATA) serve --insecure-loopback --addr $(LOAD_ADDR) --db $$db/feedback.db --memory-limit $(LOAD_MEM)"; \
	  rc=$$?; rm -rf $$db; exit $$rc

# A new profile for the build (see PGO above): 60 s of `make load`'s closed loop over the dev
# notes, then the binary rebuilt with it. Run it after changes that move where the time goes.
pgo: build data
	@[ "$(PGO)" != off ] || { echo "pgo: PGO names the profile file to write, not off"; exit 2; }
	$(GO) build -o bin/medload ./cmd/medload
	@db=$$(mktemp -d); bin/medload -url http://$(LOAD_ADDR) -cases $(DEV) -mode closed -clients 8 -duration 60s \
	  -server "$(MEDCODE) --data $(DATA) serve --insecure-loopback --addr $(LOAD_ADDR) --db $$db/feedback.db --memory-limit $(LOAD_MEM) --cpu-profile $$db/serve.pprof" \
	  && cp $$db/serve.pprof $(PGO); rc=$$?; rm -rf $$db; exit $$rc
	$(GO) build -pgo=$(PGO) -o $(MEDCODE) ./cmd/medcode

fuzz:
	@for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p | grep ^Fuzz); do \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 10s $$p || exit 1; done; done

# Load-and-fault test (~1 min, loopback only, not part of `make test`; needs `make data`): good and hostile
# requests against a real `medcode serve`, SIGKILL/restart rounds during feedback writes.
SOAK_FLAGS ?=
soak: build
	$(GO) run ./cmd/medsoak --bin $(MEDCODE) --data $(DATA) $(SOAK_FLAGS)

# The README's dev table, generated from the engine before and after training.
eval-dev: build data
	./scripts/devtable.sh

# The README's suites table: CodiEsp dev, the statement and radiology suites (and the
# round-trip suite when generated), untrained and trained.
eval-suites: build data
	./scripts/suites.sh

clean:
	rm -rf bin $(DATA)/index.snap $(DATA)/model.json
