package corpus

// Arena returns the string every code, title and name text of s is a part
// of, so that a reader keeping many of them (the index's names) can keep
// offsets into it instead of copies.
func (s *Set) Arena() string { return s.arena }
