package sim

// Reading a scenario from JSON: strictly (every field present, none
// unknown, each named in its error), and reading the raw text too, since
// encoding/json forgives what a share link must not (bad UTF-8, repeated
// keys). Validate (scenario.go) then checks the rules.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"chores/internal/bounds"
)

// Parse reads a scenario from JSON and validates it. Unknown fields, missing
// fields, values of the wrong type and values out of range are errors that
// name the field; nothing is filled in with a default. The text itself is
// checked before it is decoded: every string and key must be valid UTF-8 (on
// the raw bytes, before encoding/json turns a bad byte into U+FFFD), and no
// object may repeat a key, exactly or in another case (encoding/json would
// match "Name" to "name" and keep the last). A leading UTF-8 byte order mark,
// as some editors write, is skipped.
func Parse(data []byte) (Scenario, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(data) > maxScenarioLen {
		return Scenario{}, fmt.Errorf("scenario: larger than %d bytes", maxScenarioLen)
	}
	if err := checkPresence(data); err != nil {
		return Scenario{}, err
	}
	var s Scenario
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Scenario{}, jsonError(err)
	}
	if err := s.Validate(); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// utf8BOM is the byte order mark some editors put at the start of UTF-8 text.
var utf8BOM = []byte("\xef\xbb\xbf")

// jsonError turns encoding/json's messages into ones that name the field.
// What they echo of the input (a field name, a number as written) is cut
// to a few dozen characters and escaped.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := typeErr.Field
		if field == "" {
			field = "scenario"
		}
		value := typeErr.Value
		if n, ok := strings.CutPrefix(value, "number "); ok {
			value = "number " + strings.Trim(bounds.Quote(n), `"`)
		}
		return &FieldError{field, fmt.Sprintf("must be %s, not %s", kindName(typeErr.Type.Kind().String()), value)}
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Errorf("scenario: invalid JSON at byte %d: %s", syntaxErr.Offset, cutMessage(syntaxErr.Error()))
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		if v, err := strconv.Unquote(name); err == nil {
			name = bounds.Quote(v)
		}
		return fmt.Errorf("scenario: unknown field %s", cutMessage(name))
	}
	if err == io.EOF {
		return errors.New("scenario: empty input")
	}
	return fmt.Errorf("scenario: %s", cutMessage(strings.TrimPrefix(msg, "json: ")))
}

// cutMessage bounds a message from encoding/json that may echo input.
func cutMessage(msg string) string {
	if len(msg) <= 2*bounds.QuoteLimit && bounds.Escape(msg) == msg {
		return msg
	}
	q := bounds.Quote(msg)
	return q[1 : len(q)-1]
}

func kindName(kind string) string {
	switch kind {
	case "float64":
		return "a number"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return kind
}

// required lists the fields every object must have.
var (
	scenarioFields = []string{"name", "people", "rooms", "podcast", "cleaners", "listen", "share", "homeTheatre", "handoffMinutes"}
	personFields   = []string{"name", "speed", "phone", "airpods"}
	roomFields     = []string{"name", "work"}
	podcastFields  = []string{"minutes", "listeners"}
)

// checkPresence reports the first missing required field. encoding/json
// cannot tell a missing field from a zero one, so the document is read once
// more as raw maps just to see which keys are there.
//
// It also reads the raw text, through checkText: encoding/json replaces bad
// UTF-8 with U+FFFD and keeps the last of repeated keys, so neither can be
// seen once the document is decoded.
func checkPresence(data []byte) error {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		if _, ok := err.(*json.UnmarshalTypeError); ok {
			return errors.New("scenario: must be a JSON object")
		}
		return jsonError(err)
	}
	if top == nil {
		return errors.New("scenario: must be a JSON object")
	}
	if err := checkText(data); err != nil {
		return err
	}
	if err := missing("", top, scenarioFields); err != nil {
		return err
	}
	if err := eachObject("people", top["people"], personFields); err != nil {
		return err
	}
	if err := eachObject("rooms", top["rooms"], roomFields); err != nil {
		return err
	}
	var pod map[string]json.RawMessage
	if json.Unmarshal(top["podcast"], &pod) == nil && pod != nil {
		return missing("podcast.", pod, podcastFields)
	}
	return nil // a podcast of the wrong type is reported by the decoder
}

func eachObject(field string, raw json.RawMessage, required []string) error {
	var list []map[string]json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil // wrong type: the decoder reports it with the field name
	}
	for i, obj := range list {
		if obj == nil {
			return &FieldError{fmt.Sprintf("%s[%d]", field, i), "must be an object"}
		}
		if err := missing(fmt.Sprintf("%s[%d].", field, i), obj, required); err != nil {
			return err
		}
	}
	return nil
}

// checkText walks the tokens of a document already known to be valid JSON
// and checks what decoding would hide: that every string and key is valid
// UTF-8 in the raw bytes (no stray byte, no lone surrogate escape), and that
// no object has a key twice, exactly or as a case variant ("Name" after
// "name", which encoding/json matches to the same field).
func checkText(data []byte) error {
	type frame struct {
		object bool
		key    string            // the current key, in an object
		index  int               // the current index, in an array
		keys   map[string]string // folded key -> the key as first written
		atKey  bool              // the next string is a key
	}
	var stack []frame
	path := func() string {
		var b strings.Builder
		for _, f := range stack {
			if f.object {
				if f.key == "" && f.atKey {
					break // the object itself, between keys
				}
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			} else {
				fmt.Fprintf(&b, "[%d]", f.index)
			}
		}
		return b.String()
	}
	objectPath := func() string { // the object whose keys are read
		top := stack[len(stack)-1]
		stack[len(stack)-1].key, stack[len(stack)-1].atKey = "", true
		p := path()
		stack[len(stack)-1] = top
		if p == "" {
			return "scenario"
		}
		return p
	}
	valueDone := func() { // a value ended: the parent moves on
		if len(stack) == 0 {
			return
		}
		if f := &stack[len(stack)-1]; f.object {
			f.atKey = true
		} else {
			f.index++
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers are read by the decoder later; here they only pass
	prev := int64(0)
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // io.EOF; a syntax error is reported by the decoder
		}
		end := dec.InputOffset()
		raw := data[prev:end]
		prev = end
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{':
				stack = append(stack, frame{object: true, keys: map[string]string{}, atKey: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
			continue
		case string:
			lit := raw[bytes.IndexByte(raw, '"'):]
			if f := &stack[len(stack)-1]; f.object && f.atKey {
				if !validLiteral(lit) {
					return &FieldError{objectPath(), fmt.Sprintf("key %s is not valid UTF-8", bounds.Quote(string(lit[1:len(lit)-1])))}
				}
				folded := foldKey(tok)
				if first, seen := f.keys[folded]; seen {
					if first == tok {
						return &FieldError{objectPath(), fmt.Sprintf("key %s is there twice", bounds.Quote(tok))}
					}
					return &FieldError{objectPath(), fmt.Sprintf("key %s repeats %s (keys are matched ignoring case)", bounds.Quote(tok), bounds.Quote(first))}
				}
				f.keys[folded] = tok
				f.key, f.atKey = tok, false
				continue
			}
			if !validLiteral(lit) {
				return &FieldError{path(), "is not valid UTF-8"}
			}
		}
		valueDone()
	}
}

// validLiteral reports whether a JSON string literal, quotes included, is
// valid UTF-8 as written: no invalid byte and no \u escape of a lone
// surrogate (encoding/json turns both into U+FFFD).
func validLiteral(lit []byte) bool {
	if !utf8.Valid(lit) {
		return false
	}
	for i := 0; i < len(lit)-1; i++ {
		if lit[i] != '\\' {
			continue
		}
		if lit[i+1] != 'u' || i+6 > len(lit) {
			i++ // an escaped character: skip it
			continue
		}
		r, _ := strconv.ParseUint(string(lit[i+2:i+6]), 16, 32)
		switch {
		case 0xd800 <= r && r < 0xdc00: // a high surrogate needs a low one next
			if i+12 > len(lit) || lit[i+6] != '\\' || lit[i+7] != 'u' {
				return false
			}
			lo, _ := strconv.ParseUint(string(lit[i+8:i+12]), 16, 32)
			if lo < 0xdc00 || lo >= 0xe000 {
				return false
			}
			i += 11
		case 0xdc00 <= r && r < 0xe000:
			return false
		default:
			i += 5
		}
	}
	return true
}

// foldKey returns a form of key that is the same for all the keys
// encoding/json would match to one field (its foldName: ASCII letters in
// upper case, any other rune as the smallest of its case-folding orbit).
func foldKey(key string) string {
	var b strings.Builder
	for _, r := range key {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			continue
		}
		for {
			r2 := unicode.SimpleFold(r)
			if r2 <= r {
				r = r2
				break
			}
			r = r2
		}
		b.WriteRune(r)
	}
	return b.String()
}

func missing(prefix string, obj map[string]json.RawMessage, required []string) error {
	for _, f := range required {
		raw, ok := obj[f]
		if !ok {
			for k := range obj {
				if foldKey(k) == foldKey(f) {
					return &FieldError{prefix + f, fmt.Sprintf("missing (there is %s: keys are case-sensitive)", bounds.Quote(k))}
				}
			}
			return &FieldError{prefix + f, "missing"}
		}
		if string(bytes.TrimSpace(raw)) == "null" {
			return &FieldError{prefix + f, "must not be null"}
		}
	}
	return nil
}
