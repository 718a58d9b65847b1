# herken: `make run` opens the app, `make test` runs every check CI runs.
# Both first install the Debian packages they need (scripts/install-deps.sh).

CARGO ?= cargo

.PHONY: run test deps test-deps ralph build fmt-check clippy cargo-test film-tools-check

run: deps
	$(CARGO) build --release
	$(CARGO) run --release --

test: test-deps ralph fmt-check clippy cargo-test film-tools-check

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

# The xAPI tests send statements to Ralph, an LRS from PyPI, installed into a virtual
# environment under ~/.cache/herken-ralph (quick when already there).
ralph:
	scripts/install-ralph.sh >/dev/null

fmt-check:
	$(CARGO) fmt --check

clippy:
	$(CARGO) clippy --all-targets -- -D warnings

# The tests start their own Xvfb for the window tests; XDG_RUNTIME_DIR quiets winit.
cargo-test:
	XDG_RUNTIME_DIR=$${XDG_RUNTIME_DIR:-$$(mktemp -d)} $(CARGO) test

# The demo films' timings must still match their storyboards, and the film tools their tests.
film-tools-check:
	/usr/bin/python3 -m unittest discover -s tools/film-tools/tests
	/usr/bin/python3 tools/film-tools/make_films.py all --check
