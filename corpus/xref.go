package corpus

import (
	"regexp"
	"slices"
	"strings"
)

// CrossRef is one cross-reference of an Alphabetic Index term: <see>,
// <seeAlso> or <seecat>, resolved against the index that holds it.
type CrossRef struct {
	From *IndexTerm
	// Kind is "see", "see also" or "see category" (<seecat>, <subcat>,
	// or a target "category X").
	Kind string
	// Target is the reference as printed ("Occlusion, artery, carotid",
	// "category M01", "condition").
	Target string
	// To is the term Target names; nil when it names a category or does
	// not resolve.
	To *IndexTerm
	// Category is the code a "category X" / "subcategory X-" reference
	// names, canonical; "" otherwise.
	Category string
	// Unresolved says why the reference leads to no term or category
	// ("" when it resolves): one of the Unresolved* reasons.
	Unresolved string
}

// Why a cross-reference does not resolve.
const (
	UnresolvedCondition = "condition"     // "see condition": the coder looks up the condition itself
	UnresolvedTable     = "table"         // the Neoplasm Table or Table of Drugs, by site or by drug
	UnresolvedRange     = "range"         // "categories O03-O04": several categories
	UnresolvedNoTerm    = "no such term"  // the path names no term of this index
	UnresolvedLoop      = "loop"          // the target is the term itself
	UnresolvedNoCode    = "no code below" // the target and its subterms carry no code
)

// crossRefSep joins a cross-reference name's referring path and its
// target: "Stenosis, carotid -> see Occlusion, artery, carotid".
const crossRefSep = " -> see "

// CrossRefName is the name a cross-reference gives its target's code:
// the referring path, then where it points ("Stenosis, stenotic, carotid
// -> see Occlusion, artery, carotid"). The part before the arrow is what a
// note says; the rest is provenance.
func CrossRefName(from, to string) string { return from + crossRefSep + to }

// CutCrossRef splits a CrossRefName into its referring path and its
// target; ok is false when text is not one.
func CutCrossRef(text string) (from, to string, ok bool) {
	return strings.Cut(text, crossRefSep)
}

// categoryRef matches "category M01", "subcategory M14.8-" and a bare
// <seecat> code.
var categoryRef = regexp.MustCompile(`(?i)^(?:sub)?(?:category\s+)?([A-Z]\d[0-9A-Z]?(?:\.[0-9A-Z]{1,4})?)-?$`)

// categoryRange matches "categories O03-O04".
var categoryRange = regexp.MustCompile(`(?i)^(?:sub)?categories\s`)

// CrossRefs resolves every <see>, <seeAlso> and <seecat> of ix against ix
// itself, in document order. A target path is matched component by
// component as the XML writes it ("Occlusion, artery, carotid": main
// term, subterm, sub-subterm), ignoring case, nonessential modifiers in
// parentheses and a trailing dash; a title holding commas ("Diabetes,
// diabetic", "femur, neck") matches as a whole or, for a main term, by its
// first word. A trailing "by site" / "by type" component names the node
// above it. References to the Neoplasm Table or the Table of Drugs and
// "see condition" do not resolve (the coder needs the site, the drug or
// the condition).
func (ix *AlphaIndex) CrossRefs() []CrossRef {
	tr := newTermTree(ix)
	var out []CrossRef
	for _, t := range ix.Terms {
		for _, r := range []struct{ kind, target string }{{"see", t.See}, {"see also", t.SeeAlso}, {"see category", t.SeeCat}, {"see category", t.SubCat}} {
			target := strings.Join(strings.Fields(r.target), " ")
			if target == "" || strings.EqualFold(target, "category") || strings.EqualFold(target, "subcategory") {
				continue // the code is in the <seecat> or <subcat> beside it
			}
			ref := CrossRef{From: t, Kind: r.kind, Target: target}
			tr.resolve(&ref, 0)
			out = append(out, ref)
		}
	}
	return out
}

// termTree is the parent/child structure of an index, keyed by
// normalised titles.
type termTree struct {
	main     titleKeys
	children map[*IndexTerm]*titleKeys
	parent   map[*IndexTerm]*IndexTerm
	below    map[*IndexTerm][]*IndexTerm // direct subterms in document order
}

// titleKeys finds the terms of one level by title: exact holds each
// title and every leading part of it ("Findings, abnormal, inconclusive"
// is also "Findings" and "Findings, abnormal"), loose every single part
// and each side of an "or" ("peritoneum, peritoneal" is "peritoneal";
// "lymph gland or node" is "lymph gland"), tried when no exact key
// resolves.
type titleKeys struct {
	exact, loose map[string][]*IndexTerm
}

func (k *titleKeys) add(title string, t *IndexTerm) {
	if k.exact == nil {
		k.exact, k.loose = map[string][]*IndexTerm{}, map[string][]*IndexTerm{}
	}
	parts := strings.Split(title, ", ")
	for i := range parts {
		key := strings.Join(parts[:i+1], ", ")
		k.exact[key] = append(k.exact[key], t)
	}
	for _, p := range parts {
		for _, side := range strings.Split(p, " or ") {
			if side != title {
				k.loose[side] = append(k.loose[side], t)
			}
		}
		// "Complication(s)": the Index prints the plural's ending as a
		// nonessential modifier, and targets write "Complications".
		k.loose[p+"s"] = append(k.loose[p+"s"], t)
	}
}

func newTermTree(ix *AlphaIndex) *termTree {
	tr := &termTree{
		children: map[*IndexTerm]*titleKeys{},
		parent:   map[*IndexTerm]*IndexTerm{},
		below:    map[*IndexTerm][]*IndexTerm{},
	}
	var stack []*IndexTerm
	for _, t := range ix.Terms {
		if t.Level < len(stack) {
			stack = stack[:t.Level]
		}
		title := normTitle(t.Path[len(t.Path)-1])
		if t.Level == 0 {
			tr.main.add(title, t)
		} else if len(stack) > 0 {
			p := stack[len(stack)-1]
			tr.parent[t] = p
			tr.below[p] = append(tr.below[p], t)
			k := tr.children[p]
			if k == nil {
				k = &titleKeys{}
				tr.children[p] = k
			}
			k.add(title, t)
		}
		stack = append(stack, t)
	}
	return tr
}

// normTitle lower-cases a title or target component and removes
// parenthesised words, "NEC" and "NOS", a trailing dash and extra spaces.
func normTitle(s string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(WithoutBracketed(s))) {
		if w != "nec" && w != "nos" {
			words = append(words, w)
		}
	}
	out := strings.Join(words, " ")
	out = strings.ReplaceAll(out, " ,", ",")
	return strings.Trim(out, " ,-")
}

// resolve fills ref's To or Category, or Unresolved.
func (tr *termTree) resolve(ref *CrossRef, depth int) {
	target := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(ref.Target), "-"))
	low := strings.ToLower(target)
	switch {
	case low == "condition" || strings.HasPrefix(low, "condition,") || strings.HasPrefix(low, "condition "):
		ref.Unresolved = UnresolvedCondition
		return
	case strings.HasPrefix(low, "neoplasm") || strings.HasPrefix(low, "table of drugs"):
		ref.Unresolved = UnresolvedTable
		return
	case categoryRange.MatchString(target):
		ref.Unresolved = UnresolvedRange
		return
	}
	if m := categoryRef.FindStringSubmatch(ref.Target); m != nil && (ref.Kind == "see category" || strings.Contains(low, "category")) {
		ref.Category = NormalizeCode(ICD10CM, strings.ToUpper(undot(m[1])))
		return
	}
	var comps []string
	for _, c := range strings.Split(target, ",") {
		if c = normTitle(c); c != "" {
			comps = append(comps, c)
		}
	}
	// "Calcification, by site", "Hernia, by site, with, obstruction": the
	// node above lists the sites.
	if len(comps) > 1 {
		comps = append(comps[:1:1], slices.DeleteFunc(comps[1:], func(c string) bool { return strings.HasPrefix(c, "by ") })...)
	}
	to := tr.find(&tr.main, comps)
	switch {
	case to == nil:
		ref.Unresolved = UnresolvedNoTerm
		return
	case to == ref.From:
		ref.Unresolved = UnresolvedLoop
		return
	}
	ref.To = to
	if to.Code == "" && len(tr.Codes(to, 1)) == 0 {
		if to.See != "" && depth < maxChain {
			// "Felon - see Cellulitis, digit", which says "see
			// Cellulitis, finger": the coder follows the chain.
			next := CrossRef{From: ref.From, Kind: ref.Kind, Target: to.See}
			tr.resolve(&next, depth+1)
			ref.To, ref.Category, ref.Unresolved = next.To, next.Category, next.Unresolved
			return
		}
		ref.Unresolved = UnresolvedNoCode
	}
}

// maxChain bounds how many "see" references in a row resolution follows.
const maxChain = 3

// find matches comps below the terms of level, longest title first
// (exact keys before loose ones), and returns the first term the whole
// path reaches.
func (tr *termTree) find(level *titleKeys, comps []string) *IndexTerm {
	if level == nil {
		return nil
	}
	for _, keys := range []map[string][]*IndexTerm{level.exact, level.loose} {
		for j := len(comps); j >= 1; j-- {
			for _, t := range keys[strings.Join(comps[:j], ", ")] {
				if j == len(comps) {
					return t
				}
				if got := tr.find(tr.children[t], comps[j:]); got != nil {
					return got
				}
			}
		}
	}
	// "Abscess, upper limb" where the Index nests "upper", "limb".
	if first, rest, ok := strings.Cut(comps[0], " "); ok {
		return tr.find(level, append([]string{first, rest}, comps[1:]...))
	}
	return nil
}

// ancestorOrSelf reports whether a is t or one of its ancestors.
func (tr *termTree) ancestorOrSelf(a, t *IndexTerm) bool {
	for ; t != nil; t = tr.parent[t] {
		if t == a {
			return true
		}
	}
	return false
}

// Codes returns the terms below t (t excluded) that carry a code, in
// document order, at most limit of them (limit <= 0: all).
func (tr *termTree) Codes(t *IndexTerm, limit int) []*IndexTerm {
	var out []*IndexTerm
	var walk func(p *IndexTerm) bool
	walk = func(p *IndexTerm) bool {
		for _, k := range tr.below[p] {
			if k.Code != "" {
				out = append(out, k)
				if limit > 0 && len(out) >= limit {
					return false
				}
			}
			if !walk(k) {
				return false
			}
		}
		return true
	}
	walk(t)
	return out
}

// addCrossRefs gives the code of every resolved cross-reference of ix a
// NameCrossRef name made of the referring path (CrossRefName), the way a
// coder follows "Stenosis, carotid - see Occlusion, artery, carotid":
//   - the referring path names the target's code; a target without a code
//     of its own is named through the category its subterms share (the
//     suggest layer then takes the category's default code), and a
//     "category X" reference through that category;
//   - every subterm of the target that carries a code is named by the
//     referring path followed by the subterm's own path below the target
//     ("Stenosis, carotid, bilateral" for "Occlusion, artery, carotid,
//     bilateral"), so the detail the note gives still selects the code;
//     targets with more than maxCopied coded subterms are not copied.
//
// A "see also" from a term with its own code names only the subterms: the
// referring path already has its code. Unresolved references add nothing.
func (b *icdBuilder) addCrossRefs(ix *AlphaIndex) {
	tr := newTermTree(ix)
	add := func(code, from, to string) {
		if code == "" {
			return
		}
		c, _ := b.resolve(code)
		if c == nil {
			b.dropped++
			return
		}
		c.Names = append(c.Names, Name{Text: CrossRefName(from, to), Kind: NameCrossRef})
	}
	for _, ref := range ix.CrossRefs() {
		if ref.Unresolved != "" {
			continue
		}
		from := ref.From.Text()
		bare := ref.Kind != "see also" || ref.From.Code == ""
		if ref.Category != "" {
			to := ref.Target
			if !strings.Contains(strings.ToLower(to), "categor") {
				to = "category " + to // a bare <seecat> code
			}
			if bare {
				add(ref.Category, from, to)
			}
			continue
		}
		if bare {
			code := ref.To.Code
			if code == "" {
				code = tr.sharedCategory(ref.To)
			}
			add(code, from, ref.Target)
		}
		n := len(ref.To.Path)
		below := tr.Codes(ref.To, maxCopied+1)
		if len(below) > maxCopied || tr.ancestorOrSelf(ref.To, ref.From) {
			// Too large, or above the referring term ("Abortion,
			// spontaneous - see Abortion (complete) (spontaneous)"): its
			// subterms are already the referring term's neighbours.
			continue
		}
		for _, d := range below {
			if connective[normTitle(d.Path[len(d.Path)-1])] {
				// "chronic, and (on) acute": the words are in the
				// nonessential modifier, the path says only "and".
				continue
			}
			rel := strings.Join(d.Path[n:], ", ")
			add(d.Code, from+", "+rel, ref.Target+", "+rel)
		}
	}
}

// connective are subterm titles that say nothing without their
// nonessential modifiers ("and (on) acute" prints as "and").
var connective = map[string]bool{"and": true, "or": true, "with": true, "without": true, "in": true, "of": true, "on": true, "by": true, "due to": true}

// maxCopied is the largest target subtree (in coded terms) whose terms a
// reference copies. A larger target ("Fracture", "Disease, heart") is a
// whole section of the Index: its own terms already name every code, and
// copying it under each referring word would multiply the index for
// names no note writes ("Broken, bone, femur, neck, ..."); the referring
// path then names the target's own code only.
const maxCopied = 30

// sharedCategory returns the longest code (of at least a category's three
// characters) that every coded direct subterm of t begins with, "" when
// they share none: the node a coder lands on before the note's detail
// picks a subterm.
func (tr *termTree) sharedCategory(t *IndexTerm) string {
	prefix := ""
	first := true
	for _, k := range tr.below[t] {
		if k.Code == "" {
			continue
		}
		c := undot(k.Code)
		if first {
			prefix, first = c, false
			continue
		}
		n := 0
		for n < len(prefix) && n < len(c) && prefix[n] == c[n] {
			n++
		}
		prefix = prefix[:n]
	}
	if len(prefix) < 3 || !isICDCode(prefix) {
		return ""
	}
	return NormalizeCode(ICD10CM, prefix)
}
