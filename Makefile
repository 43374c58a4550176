# Chores: build, serve, test. `make serve` and `make test` set up what they
# need on a fresh Debian machine with Go (installing Chromium and Xvfb for the
# tests when they are missing and we are root).

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
DIST      ?= dist
ADDR      ?= 127.0.0.1:8080
# Our own packages are compiled without inlining (-l) for the browser:
# 120 KB less .wasm after gzip (3.81 MB, against 3.93 MB inlined), for
# code whose hot paths are calls into Ebitengine, which stays inlined
# (make bench measures the frame rate and the first frame with it).
WASMFLAGS := -trimpath -gcflags=chores/...=-l -ldflags='-s -w'
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
PAGES     := index.html loader.js share.js style.css share.css embed-example.html embed-example.css embed-example.js favicon.png
ALSA_NULL := $(CURDIR)/testdata/alsa-null.conf

.PHONY: all run report web serve test test-unit test-wasm test-e2e deps check bench fuzz clean

all: check test

run:
	$(GO) run .

report:
	$(GO) run . -report -scenario all

# The browser build: everything a static host needs, in $(DIST)/.
# It is built in a staging folder and moved in at the end, so a server running
# on $(DIST) never sees a half-written file. It writes nothing else: dist gets
# the wasm_exec.js of the Go that built chores.wasm, straight from GOROOT; the
# tracked copy at the root is checked by TestWasmExecMatchesGOROOT.
web:
	@rm -rf $(DIST).new && mkdir -p $(DIST).new $(DIST)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(DIST).new/chores.wasm .
	cp $(GOROOT)/lib/wasm/wasm_exec.js $(addprefix web/,$(PAGES)) $(DIST).new/
	cp assets/podcast/episode.ogg $(DIST).new/episode.ogg
	mkdir -p $(DIST).new/posters && cp web/posters/*.png $(DIST).new/posters/
	$(GO) run ./tools/posters -titles $(DIST).new/posters/titles.json
	gzip -9 -k -f -n $(DIST).new/chores.wasm $(DIST).new/wasm_exec.js
	@if command -v brotli >/dev/null; then brotli -f -q 11 $(DIST).new/chores.wasm $(DIST).new/wasm_exec.js; \
	  else echo "note: brotli not installed; serving gzip only (apt-get install brotli)"; fi
	@rm -rf $(DIST)/*.br $(DIST)/posters
	@for f in $(DIST).new/*; do mv -f "$$f" $(DIST)/; done; rmdir $(DIST).new
	@ls -l $(DIST)/chores.wasm*

serve: web
	$(GO) run ./web/serve -dir $(DIST) -addr $(ADDR)

# Everything there is to test.
test: deps test-unit test-wasm web test-e2e

deps:
	@bash scripts/test-deps.sh

# Once with the race detector, then twice more in a shuffled order, so that
# tests that lean on each other's leftovers show up.
test-unit:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
	$(GO) test -shuffle=on -count=2 ./...

# The model (and the other packages without ebiten) under WebAssembly in Node.
test-wasm:
	PATH="$(GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./sim/... ./report/... ./assets/... ./game/play/... ./game/house/...

# Pixels on the desktop under Xvfb, and the page in headless Chromium.
test-e2e:
	ALSA_CONFIG_PATH=$(ALSA_NULL) xvfb-run -a -s "-screen 0 1280x800x24" \
	  $(GO) test -count=1 -tags display ./game/...
	CHORES_DIST=$(CURDIR)/$(DIST) ALSA_CONFIG_PATH=$(ALSA_NULL) \
	  xvfb-run -a -s "-screen 0 1280x800x24" $(GO) test -count=1 -timeout 20m -tags e2e ./e2e/...

check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	GOBIN=$(CURDIR)/bin $(GO) install $(STATICCHECK)
	bin/staticcheck ./...
	GOOS=js GOARCH=wasm bin/staticcheck ./...

# Chores against the yardstick (tools/bench/yardstick), measured in one run:
# size, first frame, FPS, heap soak (10 min), embeds, one whole simulation of
# sim.Largest() natively and in Node; and, where ../shared/reference/minimal
# exists, the yardstick's size against it (within 2%). Rewrites
# docs/performance.md (about 15 minutes). A quick check that prints the table
# and writes nothing: make bench BENCHFLAGS='-soak 1m30s', or one figure:
# make bench BENCHFLAGS='-only simulate'
BENCHFLAGS ?= -write docs/performance.md
bench: web
	GO=$(GO) $(GO) run ./tools/bench $(BENCHFLAGS)

fuzz:
	$(GO) test -run XXX -fuzz FuzzParse -fuzztime $${FUZZTIME:-60s} ./sim/
	$(GO) test -run XXX -fuzz FuzzQuote -fuzztime $${FUZZTIME:-60s} ./internal/bounds/
	$(GO) test -run XXX -fuzz FuzzOptionsFromQuery -fuzztime $${FUZZTIME:-60s} ./game/play/
	$(GO) test -run XXX -fuzz FuzzDecodeCall -fuzztime $${FUZZTIME:-60s} ./game/play/

clean:
	rm -rf $(DIST)
