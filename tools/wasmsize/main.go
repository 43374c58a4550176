// Command wasmsize breaks a Go WebAssembly binary down by package: the bytes
// of function code each package contributes (from the code section, named
// through the "name" custom section), plus the data and other sections.
// `go tool nm` does not read wasm files; this is the same question answered
// for them. Build the .wasm without -s so the names are there.
//
//	go run ./tools/wasmsize [-n 30] chores.wasm
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	n := flag.Int("n", 30, "how many packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n N] FILE.wasm")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	rep, err := analyse(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	rep.print(os.Stdout, *n)
}

type report struct {
	total    int
	sections map[string]int
	packages map[string]int
	named    bool
}

func analyse(data []byte) (*report, error) {
	if len(data) < 8 || !bytes.Equal(data[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly file")
	}
	r := &report{total: len(data), sections: map[string]int{}, packages: map[string]int{}}
	var imports int
	var bodies []int
	names := map[int]string{}
	rd := bytes.NewReader(data[8:])
	for rd.Len() > 0 {
		id, _ := rd.ReadByte()
		size, err := binary.ReadUvarint(rd)
		if err != nil {
			return nil, err
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(rd, body); err != nil {
			return nil, err
		}
		name := sectionName(id)
		switch id {
		case 0:
			sr := bytes.NewReader(body)
			custom, err := readName(sr)
			if err != nil {
				return nil, err
			}
			name = "custom:" + custom
			if custom == "name" {
				readFunctionNames(sr, names)
				r.named = true
			}
		case 2:
			imports = countFunctionImports(body)
		case 10:
			sr := bytes.NewReader(body)
			count, _ := binary.ReadUvarint(sr)
			for range count {
				n, _ := binary.ReadUvarint(sr)
				bodies = append(bodies, int(n))
				sr.Seek(int64(n), io.SeekCurrent)
			}
		}
		r.sections[name] += len(body)
	}
	for i, size := range bodies {
		r.packages[packageOf(names[imports+i])] += size
	}
	return r, nil
}

func sectionName(id byte) string {
	n := []string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"}
	if int(id) < len(n) {
		return n[id]
	}
	return fmt.Sprintf("section%d", id)
}

func readName(r *bytes.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return string(b), err
}

// readFunctionNames reads subsection 1 (function names) of the name section.
func readFunctionNames(r *bytes.Reader, names map[int]string) {
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		size, _ := binary.ReadUvarint(r)
		if id != 1 {
			r.Seek(int64(size), io.SeekCurrent)
			continue
		}
		count, _ := binary.ReadUvarint(r)
		for range count {
			idx, _ := binary.ReadUvarint(r)
			name, _ := readName(r)
			names[int(idx)] = name
		}
	}
}

// countFunctionImports counts imported functions: they take the first
// function indexes, before the code section's bodies.
func countFunctionImports(body []byte) int {
	r := bytes.NewReader(body)
	count, _ := binary.ReadUvarint(r)
	funcs := 0
	for range count {
		readName(r)
		readName(r)
		kind, _ := r.ReadByte()
		switch kind {
		case 0:
			funcs++
			binary.ReadUvarint(r)
		case 1:
			r.ReadByte()
			readLimits(r)
		case 2:
			readLimits(r)
		case 3:
			r.ReadByte()
			r.ReadByte()
		}
	}
	return funcs
}

func readLimits(r *bytes.Reader) {
	flags, _ := r.ReadByte()
	binary.ReadUvarint(r)
	if flags&1 != 0 {
		binary.ReadUvarint(r)
	}
}

// packageOf cuts a Go symbol name down to its package path.
func packageOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	slash := strings.LastIndex(sym, "/")
	rest := sym[slash+1:]
	if dot := strings.Index(rest, "."); dot >= 0 {
		return sym[:slash+1+dot]
	}
	return sym
}

func (r *report) print(w io.Writer, n int) {
	fmt.Fprintf(w, "%d bytes in all\n\nsections:\n", r.total)
	printSorted(w, r.sections, 0, r.total)
	if !r.named {
		fmt.Fprintln(w, "\n(no name section: build without -s to see packages)")
		return
	}
	fmt.Fprintf(w, "\ncode by package (top %d):\n", n)
	printSorted(w, r.packages, n, r.total)
}

func printSorted(w io.Writer, m map[string]int, n, total int) {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range m {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v || list[i].v == list[j].v && list[i].k < list[j].k })
	if n > 0 && len(list) > n {
		list = list[:n]
	}
	for _, e := range list {
		fmt.Fprintf(w, "  %10d  %5.1f%%  %s\n", e.v, 100*float64(e.v)/float64(total), e.k)
	}
}
