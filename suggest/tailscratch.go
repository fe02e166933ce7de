package suggest

// tailScratch is the scratch memory of Suggest's scoring and rendering
// tail (work.tail): reused from note to note. It holds no pointers, so
// nothing of a note outlives the call through it.
type tailScratch struct {
	// spans are the returned suggestions' first evidence spans and
	// scores, as alternatives compares them.
	spans []altSpan
}
