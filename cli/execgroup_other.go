//go:build !unix

package cli

import "os/exec"

// killGroup: elsewhere the context kills the command itself.
func killGroup(*exec.Cmd) {}
