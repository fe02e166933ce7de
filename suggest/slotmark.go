package suggest

import "strings"

// slotMark is what openSlot looks for in a title, lower-cased.
const slotMark = ", unspecified whether "

// hasSlotMark is containsLower(title, slotMark), read only at the title's
// ", ": ToLower maps a rune to one rune and ASCII bytes other than
// letters only from themselves, so a ", " of the lower-cased title is one
// of title's, and an ASCII byte there lower-cases alone. Most titles
// hold ", " ("..., unspecified", "..., initial encounter") and
// containsLower then folds the whole title; here only the bytes after
// each ", " are compared. A title with a byte past ASCII where the mark
// is compared is asked containsLower itself (TestHasSlotMark).
func hasSlotMark(title string) bool {
	for t := title; ; {
		q := strings.Index(t, ", ")
		if q < 0 {
			return false
		}
		t = t[q:]
		n := min(len(t), len(slotMark))
		for i := 2; i < n; i++ {
			b := t[i]
			if b >= 0x80 {
				return containsLower(title, slotMark)
			}
			if b-'A' < 26 {
				b += 'a' - 'A'
			}
			if b != slotMark[i] {
				break
			}
			if i == len(slotMark)-1 {
				return true
			}
		}
		if n < len(slotMark) {
			// Too few bytes left for the mark, unless they are not all
			// ASCII (then asked above only up to the first mismatch).
			return false
		}
		t = t[1:]
	}
}
