package eval

import "sort"

// rank1Counts counts the scored cases whose first prediction is a gold code:
// over all of them (P@1) and over those with exactly one gold code (rank-1
// accuracy, the measure of a one-statement suite).
type rank1Counts struct {
	scored, first    int // scored cases; first prediction in gold
	single, singleOK int // single-code cases; first prediction is the code
}

func (c *rank1Counts) add(s caseScore, gold map[string]bool, keys []string) {
	if s.gold == 0 {
		return
	}
	c.scored++
	ok := len(keys) > 0 && gold[keys[0]]
	if ok {
		c.first++
	}
	if s.gold == 1 {
		c.single++
		if ok {
			c.singleOK++
		}
	}
}

// rate is rank-1 accuracy on the single-code cases (0 when there is none).
func (c *rank1Counts) rate() float64 {
	if c.single == 0 {
		return 0
	}
	return float64(c.singleOK) / float64(c.single)
}

// topicCounts accumulates one topic's ranking metrics.
type topicCounts struct {
	levelCounts
	rank1Counts
}

func (t *topicCounts) add(s caseScore, gold map[string]bool, keys []string) {
	t.levelCounts.add(s)
	t.rank1Counts.add(s, gold, keys)
}

// topicResults turns the per-topic counts into results sorted by topic.
func topicResults(m map[string]*topicCounts) []TopicResult {
	var out []TopicResult
	for name, t := range m {
		if t.levelCounts.scored == 0 {
			continue
		}
		l := t.level()
		out = append(out, TopicResult{
			Topic: name, Cases: t.levelCounts.scored, MAP: l.MAP, MRR: l.MRR,
			P1:    float64(t.first) / float64(t.rank1Counts.scored),
			Rank1: t.rate(), Rank1Cases: t.single,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Topic < out[j].Topic })
	return out
}
