//go:build !unix

package server

import "os"

// openFlags: systems without O_NONBLOCK rely on the stat before opening.
const openFlags = os.O_RDONLY
