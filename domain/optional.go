package domain

// Deref returns what p points to, or T's zero value when p is nil: an
// optional input read as empty when it is not given.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
