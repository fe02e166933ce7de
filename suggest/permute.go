package suggest

// permute puts s[perm[k]] at k for every k (perm is a permutation of s's
// indices), moving each element once along its cycle; moved is scratch of
// len(s). An element perm leaves in place (most, where sequencing moves a
// few codes) is not copied out and back. Sequencing reorders suggestions
// with it, sortRejections rejections and their keys (by the same perm,
// which permute leaves as it was).
func permute[T any, I ~int | ~int32](s []T, perm []I, moved []bool) {
	clear(moved)
	for k := range s {
		if moved[k] || int(perm[k]) == k {
			continue
		}
		tmp := s[k]
		j := k
		for {
			moved[j] = true
			from := int(perm[j])
			if from == k {
				s[j] = tmp
				break
			}
			s[j] = s[from]
			j = from
		}
	}
}
