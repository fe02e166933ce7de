package suggest

import (
	"hash/maphash"
	"sync"

	"medcode/corpus"
)

// The release engines of one index share the site refinement's per-code
// work. A category's codes, their readings and the live sites of its
// vague codes depend only on the category's codes, titles and inclusion
// terms (its plan) and on the stem numbering; the release engines share
// one siteMap (so one numbering, New), and a category two releases read
// alike is built once for both. Most categories are alike in every
// release, so the site memos, the largest the engine fills while it
// codes, no longer grow with the number of releases.

// siteShare is the categories and code sites the release engines built,
// safe for concurrent use. A nil siteShare shares nothing.
type siteShare struct {
	mu    sync.Mutex
	cats  map[string][]sharedCategory
	codes sync.Map // siteCodeKey -> *codeSite
	seeds [2]maphash.Seed
}

// newSiteShare returns an empty siteShare.
func newSiteShare() *siteShare {
	return &siteShare{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

// sharedCategory is a category and the hash of the texts of the plan it
// was built from (textsHash; its codes and their readings, kept by the
// category, make up the rest of the plan).
type sharedCategory struct {
	texts [2]uint64
	cat   *siteCategory
}

// sitePlan is one code of a category as siteCategoryOf reads it, in the
// category's order: a billable code (its title, then its inclusion terms
// other than its title) or a stem that takes a seventh character (its
// title).
type sitePlan struct {
	id    corpus.ID
	stem  bool
	texts []string
}

// siteCodeKey names a code site: the category it refines in, the code
// and the title it was read from.
type siteCodeKey struct {
	cat     *siteCategory
	id      corpus.ID
	display string
}

// sitePlanOf lists category cat's codes in the engine's release. The
// plan's texts share one array.
func (e *Engine) sitePlanOf(cat string) []sitePlan {
	id, ok := e.set.ID(corpus.ICD10CM, cat)
	if !ok {
		return nil
	}
	var plan []sitePlan
	var texts []string
	var ends []int // plan[i]'s texts end at texts[ends[i]]
	var walk func(corpus.ID)
	walk = func(id corpus.ID) {
		b := e.set.Brief(id)
		if !b.Billable && needsSeventh(e.set, id) {
			plan = append(plan, sitePlan{id: id, stem: true})
			texts = append(texts, b.Display)
			ends = append(ends, len(texts))
		}
		if b.Billable {
			plan = append(plan, sitePlan{id: id})
			texts = append(texts, b.Display)
			if code := e.set.Code(id); code != nil {
				for _, nm := range code.Names {
					if nm.Kind == corpus.NameInclusion && nm.Text != b.Display {
						texts = append(texts, nm.Text)
					}
				}
			}
			ends = append(ends, len(texts))
		}
		for _, k := range e.set.Children(id) {
			walk(k)
		}
	}
	walk(id)
	at := 0
	for i, end := range ends {
		plan[i].texts = texts[at:end:end]
		at = end
	}
	return plan
}

// builtFrom reports whether c was built from plan, whose texts hash to
// texts: the category's stems and codes are the plan's, in order, each
// with a reading per text, and the texts hash alike (128 bits: two plans
// that differ collide with odds of 2^-128).
func (c *sharedCategory) builtFrom(plan []sitePlan, texts [2]uint64) bool {
	if c.texts != texts {
		return false
	}
	sc := c.cat
	ns, nc := 0, 0
	for _, p := range plan {
		list, i := sc.codes, nc
		if p.stem {
			list, i = sc.stems, ns
		}
		if i >= len(list) || list[i].id != p.id || list[i].count() != len(p.texts) {
			return false
		}
		if p.stem {
			ns++
		} else {
			nc++
		}
	}
	return ns == len(sc.stems) && nc == len(sc.codes)
}

// textsHash hashes the texts of plan in order, each ended by a NUL byte
// (no title holds one), under both seeds.
func (s *siteShare) textsHash(plan []sitePlan) [2]uint64 {
	var out [2]uint64
	for k, seed := range s.seeds {
		var h maphash.Hash
		h.SetSeed(seed)
		for _, p := range plan {
			for _, t := range p.texts {
				h.WriteString(t)
				h.WriteByte(0)
			}
		}
		out[k] = h.Sum64()
	}
	return out
}

// category returns the category built from plan, building it with build
// when no release engine has.
func (s *siteShare) category(cat string, plan []sitePlan, build func([]sitePlan) *siteCategory) *siteCategory {
	if s == nil {
		return build(plan)
	}
	texts := s.textsHash(plan)
	if sc := s.find(cat, plan, texts); sc != nil {
		return sc
	}
	sc := build(plan)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.cats[cat] {
		if c.builtFrom(plan, texts) {
			return c.cat // built meanwhile
		}
	}
	if s.cats == nil {
		s.cats = map[string][]sharedCategory{}
	}
	s.cats[cat] = append(s.cats[cat], sharedCategory{texts: texts, cat: sc})
	return sc
}

// find returns the category built from plan, nil when none is.
func (s *siteShare) find(cat string, plan []sitePlan, texts [2]uint64) *siteCategory {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.cats[cat] {
		if c.builtFrom(plan, texts) {
			return c.cat
		}
	}
	return nil
}

// codeSite returns the code site of k, building it with build when no
// release engine has.
func (s *siteShare) codeSite(k siteCodeKey, build func() *codeSite) *codeSite {
	if s == nil {
		return build()
	}
	if v, ok := s.codes.Load(k); ok {
		return v.(*codeSite)
	}
	v, _ := s.codes.LoadOrStore(k, build())
	return v.(*codeSite)
}
