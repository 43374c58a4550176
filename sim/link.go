package sim

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// A share link carries a scenario in its config parameter, in one of two
// forms: the scenario's JSON in base64url (easy to make by hand), or, as
// Chores writes them, "z." then base64url of the compact JSON compressed
// with DEFLATE over a dictionary of the words every scenario uses. The
// compressed form keeps the largest household the limits allow under 2,000
// characters: short enough for chat and for link checkers that warn past
// 2,048.

// linkPrefix marks the compressed form: '.' is not a base64url character,
// so the two forms cannot be confused.
const linkPrefix = "z."

// MaxLinkLength is the longest config value read: the base64url form of a
// scenario of MaxScenarioBytes. Longer values are refused before decoding.
const MaxLinkLength = (MaxScenarioBytes*4+2)/3 + len(linkPrefix)

// MaxScenarioBytes is the largest scenario JSON accepted anywhere.
const MaxScenarioBytes = maxScenarioLen

// linkDictionary primes DEFLATE with what scenarios repeat: field names,
// values and the default rooms. Changing it breaks old links: add a new
// prefix instead.
var linkDictionary = []byte(`{"name":"","people":[{"name":"You","speed":1,"phone":true,"airpods":false},{"name":"Friend","speed":1,"phone":false,"airpods":true}],` +
	`"rooms":[{"name":"Kitchen","work":20},{"name":"Living room","work":15},{"name":"Bedroom","work":15},{"name":"Bathroom","work":10},{"name":"Study","work":},{"name":"Hall","work":}],` +
	`"podcast":{"minutes":45,"listeners":["You","Friend"]},"cleaners":["You","Friend"],"listen":"after","listen":"during","share":"turns","share":"together","homeTheatre":false,"homeTheatre":true,"handoffMinutes":0}`)

// EncodeLink is the config parameter for s, compressed.
func EncodeLink(s Scenario) string {
	data, err := json.Marshal(s.Clone())
	if err != nil {
		panic(err) // plain fields: cannot fail
	}
	var b bytes.Buffer
	w, err := flate.NewWriterDict(&b, flate.BestCompression, linkDictionary)
	if err != nil {
		panic(err) // a valid level: cannot fail
	}
	w.Write(data)
	w.Close()
	return linkPrefix + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// DecodeLink reads a config parameter in either form. It refuses a value
// longer than MaxLinkLength, and stops inflating at MaxScenarioBytes, so a
// link cannot make it use much memory.
func DecodeLink(v string) (Scenario, error) {
	if len(v) > MaxLinkLength {
		return Scenario{}, fmt.Errorf("the link is %d characters long, over the limit of %d", len(v), MaxLinkLength)
	}
	packed, compressed := strings.CutPrefix(v, linkPrefix)
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(packed, "="))
	if err != nil {
		return Scenario{}, fmt.Errorf("not base64url (%v)", err)
	}
	if compressed {
		r := flate.NewReaderDict(bytes.NewReader(raw), linkDictionary)
		raw, err = io.ReadAll(io.LimitReader(r, MaxScenarioBytes+1))
		if err != nil {
			return Scenario{}, fmt.Errorf("damaged (%v)", err)
		}
	}
	return Parse(raw)
}
