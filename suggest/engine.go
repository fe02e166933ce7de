package suggest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// Options configure an Engine. The zero value works: untrained ranking, no
// feedback adjustment.
type Options struct {
	Model    *Model   // nil: untrained scoring
	Adjuster Adjuster // nil: feedback does not move ranking
	// Now is the clock that dates a request without a date of service
	// (today picks the release); nil: time.Now.
	Now func() time.Time
	// Base is an engine built on the same code sets and index whose
	// model-independent tables the new engine shares instead of building
	// them (shared.go); nil, or one on other code sets: build them.
	Base *Engine
}

// OpenOptions locate everything an Engine is built from.
type OpenOptions struct {
	DataDir   string   // prepared by `make data`; "" = "data"
	IndexPath string   // "" = <DataDir>/index.snap, built from the code sets when absent
	ModelPath string   // "" = <DataDir>/model.json when present; "none" = untrained
	CPTFile   string   // licensed CPT CSV; "" = built-in starter list
	Synonyms  []string // site synonym files
	Options
}

// CodeMatch is one hit of a code search (autocomplete).
type CodeMatch struct {
	System  string  `json:"system"`
	Code    string  `json:"code"`
	Display string  `json:"display"`
	Score   float64 `json:"score"`
	Matched string  `json:"matched,omitempty"` // the name that matched
}

// Engine suggests codes for notes. Build it once; it is safe for concurrent
// use.
type Engine struct {
	set     *corpus.Set
	ix      *index.Index
	learned *index.Index // names from the model; nil when untrained
	pipe    *nlp.Pipeline
	model   *Model
	adj     Adjuster
	targets []target  // per index code
	edits   []Edit    // the targets' edits (target.edit)
	lTarget []target  // per learned-index code
	lWeight []float64 // per learned-index name: its precision in training
	lPast   []bool    // per learned-index code: its target is a history code (pastTargets)
	excl    exclTable
	// minScore drops weak hits before they become candidates.
	minScore    float64
	minCoverage float64
	// minCandidate drops candidates whose best mention scores less.
	minCandidate float64
	// hitLimit bounds the hits kept per sentence (the best scored).
	hitLimit int
	// maxLive bounds the candidates a served note carries past the
	// assertion filter (livecap.go).
	maxLive int
	work    sync.Pool // *work, one Suggest call's scratch
	// longWork holds one work that coded a note past pooledNoteBytes,
	// apart from work (work.go).
	longWork atomic.Pointer[work]
	// arenas pools the arrays of released Results (resultarena.go).
	arenas sync.Pool
	// cooc lists, per code, the codes training notes coded with it more
	// often than chance, with the log lift.
	cooc   map[corpus.ID][]coocEdge
	forest forest // the model's trees, validated
	// calib is the model's calibration knots, indexed (calibindex.go).
	calib calibIndex
	// df is the model's TermDF laid out for look-up (termdf.go), nil
	// without one.
	df *dfTable
	// ceiling is the model's Ceiling trees, validated (ceiling.go).
	ceiling forest
	// priors are the model's Priors by system and code, or category
	// ("R52*" in the model); priorDefault is its "default".
	priors       map[priorKey]float64
	priorDefault float64
	priorByID    priorTable // priors looked up once per code at open
	// releases are the code-set releases as results report them.
	releases map[string]CodeSet
	// catTop are the model's usual codes per category, resolved.
	catTop map[string][]target
	// historyMemo caches history-code lookups per matched name
	// (int64 -> historyResult); safe for concurrent use.
	historyMu   sync.RWMutex
	historyMemo map[int64]historyResult
	// union is every loaded release (Set narrows to this engine's);
	// byRelease, on the engine New returns, are the engines of each
	// ICD-10-CM release, oldest first (release.go); now dates requests.
	union     *corpus.Set
	byRelease []*Engine
	now       func() time.Time
	// slots are the sibling distinctions mined from the titles.
	slots *slotTable
	// vague are the stems of vagueWords; conflictMemo caches each code's
	// conflictNames (corpus.ID -> *conflictNames) (conflict.go).
	vague        map[string]bool
	conflictMemo fieldMemo[conflictNames, conflictField]
	// lessMsg caches each code's specificity message (lessSpecific).
	lessMsg fieldMemo[string, lessMsgField]

	// sequela maps a condition's category to its sequela codes (sequela.go).
	sequela map[string][]sequelaCode
	// with is the "with" convention by index head (combination.go);
	// status the status-code rules of status.txt (status.go).
	with  map[string][]withRule
	htn   []htnCode // hypertension's combination family (hypertension.go)
	dueTo []dueTo   // the Index's "due to" categories (dueto.go)
	// identified pairs unidentified-organism codes with identified ones
	// (organism.go).
	identified []identified
	// organismDue maps unspecified-organism codes to the codes for a
	// named organism (organismcode.go).
	organismDue map[corpus.ID][]organismDue
	// partMemo caches each code's partNames (corpus.ID -> *partNames)
	// (combination.go).
	partMemo idMemo[partNames]
	// childMemo caches each code's childStems (corpus.ID -> *childStems)
	// (childstems.go).
	childMemo idMemo[childStems]
	// condMemo caches each code's conditionStems (conditionstems.go).
	condMemo fieldMemo[conditionStems, condField]
	// parents remembers each code's parent (parents.go).
	parents parentTable
	// bmi are the adult body mass index bands (bmi.go), read once.
	bmiOnce sync.Once
	bmi     []bmiBand
	status  []statusRule
	allergy []allergyRule // allergy status codes (allergy.go)
	// drugs is the Table of Drugs and Chemicals (drugtable.go), neo the
	// Neoplasm Table (neoplasm.go).
	drugs drugTable
	neo   neoTable
	// sites is sites.txt; siteMemo caches each category's codes
	// (string -> *siteCategory) (site.go).
	sites    *siteMap
	siteMemo sync.Map
	coder    coderTables                    // the coding rules' per-engine tables (codertables.go)
	siteCode fieldMemo[codeSite, siteField] // each code's site category and title reading (siteids.go)
	titles   titleTable                     // each code's title stems and what refine.go asks of them (titlefacts.go)
	// records holds the slots of the memos most candidates read together
	// (coderecord.go): conflictMemo, lessMsg, condMemo, siteCode and
	// titles', rank's and rank.excl's.
	records codeRecords
	// nameStems holds the stems of the index's names (namestems.go).
	nameStems nameStemTable
	rank      rankTables // per-code facts of the ranking passes (ranktables.go)
	// sectionBits are the rule tables' marks of each section kind
	// (sectionmarks.go).
	sectionBits map[nlp.SectionKind]uint8
	// bridge maps main to learned index term ids (termids.go); without
	// remembers the "without" names' parts (withoutparts.go), eponyms
	// the stems of the eponym names' eponyms (eponym.go), nameCaps the
	// capitals words of the names a case clash is judged on (namecaps.go).
	bridge   termBridge
	without  nameMemo[withoutParts]
	eponyms  nameMemo[eponymStems]
	nameCaps nameMemo[nameCaps]
	// siteShare is the site work the release engines share (siteshare.go).
	siteShare *siteShare
	// sideStems are refine's side words, analysed once (sidewords.go).
	sideStems sideWords

	// indexEdits counts the targets' edits, which come first in edits: an
	// engine built with Options.Base shares targets and copies those.
	indexEdits int
}

// Open loads the code sets, the index snapshot (building it when absent) and
// the model, and returns a ready Engine.
func Open(ctx context.Context, o OpenOptions) (*Engine, error) {
	dir := o.DataDir
	if dir == "" {
		dir = "data"
	}
	set, err := corpus.Load(ctx, corpus.Options{Dir: filepath.Join(dir, "codesets"), CPTFile: o.CPTFile, SynonymFiles: o.Synonyms})
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	ixPath := o.IndexPath
	if ixPath == "" {
		ixPath = filepath.Join(dir, "index.snap")
	}
	ix, err := index.ReadFile(ixPath)
	if errors.Is(err, fs.ErrNotExist) && o.IndexPath == "" {
		ix, err = index.Build(set, index.Options{})
	}
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	ix.ShareTexts(set) // the names' texts are mostly the set's: keep one copy
	opts := o.Options
	if opts.Model == nil {
		mp := o.ModelPath
		if mp == "" {
			mp = filepath.Join(dir, "model.json")
			if _, err := os.Stat(mp); err != nil {
				mp = "none"
			}
		}
		if mp != "none" {
			if opts.Model, err = ReadModel(mp); err != nil {
				return nil, err
			}
		}
	}
	return New(set, ix, opts)
}

// newEngine builds an Engine over a code set of one ICD-10-CM release
// and an index built from it (or from a union of releases holding it).
// newest, when not nil, is the engine of the newest release, built
// first: an older release's engine takes from it what does not depend on
// the release instead of building its own (release.go).
func newEngine(set *corpus.Set, ix *index.Index, opts Options, newest *Engine) (*Engine, error) {
	if m := opts.Model; m != nil && (len(m.Weights) > 0 || len(m.Trees) > 0) && !slices.Equal(m.Features, FeatureNames()) {
		return nil, fmt.Errorf("suggest: model features %v differ from the engine's %v; retrain with `medcode train`", m.Features, FeatureNames())
	}
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer(), model: opts.Model, adj: opts.Adjuster, minScore: 0.2, minCoverage: 0.65, minCandidate: 0.15, hitLimit: 300, maxLive: 100}
	e.bindRecords() // coderecord.go
	e.sectionBits = sectionBitsOf()
	rv := newResolver(set)
	if from := sharedFrom(opts.Base, set, ix); from != nil {
		// The index's targets depend on the code set and the index only:
		// they and their edits, the first of the base's, are the base's.
		e.targets = from.targets
		rv.edits = slices.Clone(from.edits[:from.indexEdits])
	} else {
		e.targets = make([]target, ix.Codes())
		for i := range e.targets {
			e.targets[i] = rv.resolve(ix.Code(int32(i)))
		}
	}
	e.indexEdits = len(rv.edits)
	if m := opts.Model; m != nil && len(m.Learned) > 0 {
		extra := make([]index.Extra, 0, len(m.Learned))
		g := NewGrounder(set, ix.Stems)
		for _, l := range m.Learned {
			sys, err := corpus.ParseSystem(l.System)
			if err != nil {
				return nil, fmt.Errorf("suggest: model: %w", err)
			}
			if !g.Grounded(sys, l.Code, l.Text) {
				continue // shares no word with the code's names (grounded.go)
			}
			extra = append(extra, index.Extra{System: sys, Code: l.Code, Text: l.Text, Kind: corpus.NameLearned})
		}
		li, err := index.Build(set, index.Options{Pipeline: ix.Analyzer(), OnlyExtra: true, Extra: extra})
		if err != nil {
			return nil, fmt.Errorf("suggest: learned names: %w", err)
		}
		if li.AnalysisHash() != ix.AnalysisHash() {
			return nil, fmt.Errorf("suggest: learned names analysed differently from the index")
		}
		e.learned = li
		e.bridge = newTermBridge(ix, li)
		e.lTarget = make([]target, li.Codes())
		for i := range e.lTarget {
			e.lTarget[i] = rv.resolve(li.Code(int32(i)))
		}
		e.lPast = pastTargets(set, e.lTarget)
		weights := map[[2]string]float64{}
		for _, l := range m.Learned {
			weights[[2]string{l.Code, l.Text}] = l.Weight
		}
		e.lWeight = make([]float64, li.Len())
		for n := int32(0); n < int32(li.Len()); n++ {
			e.lWeight[n] = weights[[2]string{li.Code(li.NameCode(n)).Code, li.NameText(n)}]
		}
	}
	if m := opts.Model; m != nil && len(m.Trees) > 0 {
		f, err := compile(m.Trees, featureCount)
		if err != nil {
			return nil, err
		}
		e.forest = f
	}
	if m := opts.Model; m != nil {
		e.calib = newCalibIndex(m.CalibX, m.CalibY)
		e.df = newDFTable(m.TermDF)
	}
	if m := opts.Model; m != nil && m.Ceiling != nil {
		f, err := compile(m.Ceiling.Trees, featureCount)
		if err != nil {
			return nil, err
		}
		e.ceiling = f
	}
	if m := opts.Model; m != nil && newest != nil {
		// A code's prior depends on its system and code only (the model's
		// priors; prior looks a code the table lacks up).
		e.priors, e.priorDefault, e.priorByID = newest.priors, newest.priorDefault, newest.priorByID
	} else if m != nil {
		e.priors = make(map[priorKey]float64, len(m.Priors))
		for k, p := range m.Priors {
			sys, code, ok := strings.Cut(k, "|")
			if !ok {
				continue
			}
			cat, isCat := strings.CutSuffix(code, "*")
			e.priors[priorKey{corpus.System(sys), cat, isCat}] = p
		}
		e.priorDefault = m.Priors["default"]
		e.priorByID = e.priorTable()
	}
	if m := opts.Model; m != nil {
		e.cooc = map[corpus.ID][]coocEdge{}
		for _, p := range m.Cooc {
			a, okA := set.ID(corpus.ICD10CM, p.A)
			b, okB := set.ID(corpus.ICD10CM, p.B)
			if okA && okB {
				e.cooc[a] = append(e.cooc[a], coocEdge{b, p.Lift})
				e.cooc[b] = append(e.cooc[b], coocEdge{a, p.Lift})
			}
		}
		e.catTop = map[string][]target{}
		for cat, codes := range m.CategoryTop {
			for _, c := range codes {
				if t := rv.resolve(index.CodeRef{System: corpus.ICD10CM, Code: c}); !t.invalid && t.anyCode() != 0 {
					e.catTop[cat] = append(e.catTop[cat], t)
				}
			}
		}
	}
	if from := sharedFrom(opts.Base, set, ix); from != nil {
		e.shareTables(from) // shared.go
	} else if err := e.buildTables(set, ix, newest); err != nil {
		return nil, err
	}
	if newest != nil {
		e.siteShare = newest.siteShare // release.go
	} else {
		e.siteShare = newSiteShare() // its own: the site work fills it per note (siteshare.go)
	}
	e.edits = rv.edits
	e.vague = map[string]bool{}
	for _, s := range ix.Stems(strings.Join(vagueWords, " ")) {
		e.vague[s] = true
	}
	e.historyMemo = map[int64]historyResult{}
	e.releases = map[string]CodeSet{}
	for _, r := range set.Releases() {
		cs := CodeSet{Release: r.Name}
		if !r.Effective.IsZero() {
			cs.Effective = r.Effective.Format("2006-01-02")
		}
		if !r.Expires.IsZero() {
			cs.Expires = r.Expires.Format("2006-01-02")
		}
		e.releases[string(r.System)] = cs
	}
	return e, nil
}

// DecisionThreshold is the confidence at or above which a suggestion is the
// engine's coding recommendation: the trained model's (chosen for the best
// F1 in training), else 0.5.
func (e *Engine) DecisionThreshold() float64 {
	if e.model != nil && e.model.Threshold > 0 {
		return e.model.Threshold
	}
	return 0.5
}

// Set returns the code sets the engine suggests from: every loaded
// release (corpus.Set.In and On narrow it to one).
func (e *Engine) Set() *corpus.Set { return e.union }

// Index returns the engine's index.
func (e *Engine) Index() *index.Index { return e.ix }

// Model returns the engine's model, nil when untrained.
func (e *Engine) Model() *Model { return e.model }

var codeRef = regexp.MustCompile(`\b([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.?-)?`)

// excludes1Table maps each ICD-10-CM code onto the code prefixes its
// Excludes1 notes and its ancestors' name ("A05.-" -> "A05"). Parents come
// before children in official order, so one pass inherits; codes without
// notes of their own share their parent's slice.
func excludes1Table(set *corpus.Set) map[string][]string {
	out := map[string][]string{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		c := set.Brief(id)
		inherited := out[c.Parent]
		var own []string
		for _, n := range set.Notes(id).Excludes1 {
			for _, m := range codeRef.FindAllStringSubmatch(n, -1) {
				own = append(own, strings.TrimSuffix(m[1], "."))
			}
		}
		switch {
		case len(own) == 0 && len(inherited) > 0:
			out[c.Code] = inherited
		case len(own) > 0:
			out[c.Code] = append(append([]string(nil), inherited...), own...)
		}
	}
	return out
}

// exclTable is excludes1Table without pointers: per code (by corpus.ID)
// a run of prefix spans in one arena.
type exclTable struct {
	arena string
	runs  []strRef // by corpus.ID: off and len in prefixes
	pref  []strRef // off and len in arena
}

// strRef is an offset and a length.
type strRef struct{ off, n uint32 }

// packExclusions lays table out by the set's IDs; codes in a row with
// the same prefixes share one run of them.
func packExclusions(set *corpus.Set, table map[string][]string) exclTable {
	var x exclTable
	var arena []byte
	at := map[string]strRef{}
	var last []string // the prefixes of the last run: siblings share their ancestors' notes
	for _, sys := range set.Systems() {
		for _, id := range set.IDs(sys) {
			code := set.CodeString(id)
			id, _ = set.ID(sys, code) // a later duplicate, if any, is what lookups find
			for int(id) >= len(x.runs) {
				x.runs = append(x.runs, strRef{})
			}
			ps := table[code]
			if sys != corpus.ICD10CM || len(ps) == 0 {
				continue
			}
			if slices.Equal(ps, last) {
				x.runs[id] = strRef{uint32(len(x.pref) - len(ps)), uint32(len(ps))}
				continue
			}
			x.runs[id] = strRef{uint32(len(x.pref)), uint32(len(ps))}
			last = ps
			for _, p := range ps {
				sp, ok := at[p]
				if !ok {
					sp = strRef{uint32(len(arena)), uint32(len(p))}
					arena = append(arena, p...)
					at[p] = sp
				}
				x.pref = append(x.pref, sp)
			}
		}
	}
	x.arena = string(arena)
	return x
}

// prefixes returns the prefixes code id's notes (and its ancestors')
// exclude; str spells each.
func (x *exclTable) prefixes(id corpus.ID) []strRef {
	if int(id) >= len(x.runs) {
		return nil
	}
	r := x.runs[id]
	return x.pref[r.off : r.off+r.n]
}

func (x *exclTable) str(sp strRef) string { return x.arena[sp.off : sp.off+sp.n] }

// codePrefix reports whether code[:n] is a prefix of an ICD-10-CM code
// that an Excludes1 note can name ("E11", "E11.4", "E11.42"; n from 3).
func codePrefix(code string, n int) bool { return code[n-1] != '.' }

// nameTerms are the stems of a mention's matched name.
func (e *Engine) nameTerms(m mention) []string {
	if m.learned && e.learned != nil {
		return e.learned.NameTerms(m.hit.Name)
	}
	return e.ix.NameTerms(m.hit.Name)
}

// NameTerms are the stems of a code name as the index analyses it; the
// feedback store keys its term adjustments on them.
func (e *Engine) NameTerms(name string) []string {
	return e.ix.Stems(name)
}
