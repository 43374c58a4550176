//go:build unix

package server

import (
	"os"
	"syscall"
)

// openFlags opens without waiting: a FIFO put in place of a checked file
// opens at once (and is then refused) instead of blocking the request.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
