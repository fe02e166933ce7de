package suggest

import "strings"

// saysUnspecified is strings.Contains(strings.ToLower(title),
// "unspecified"), without the lower-case copy of an ASCII title (on
// ASCII, ToLower is ASCII case folding: containsFold).
func saysUnspecified(title string) bool {
	if isASCII(title) {
		return containsFold(title, "unspecified")
	}
	return strings.Contains(strings.ToLower(title), "unspecified")
}
