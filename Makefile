# The same gates as .ci/run, without the installs.
.PHONY: check fmt clippy doc test bench
check: fmt clippy doc test
fmt:
	cargo fmt --all -- --check
clippy:
	cargo clippy --all-targets -- -D warnings
doc:
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
test:
	cargo test
bench:
	scripts/bench-startup.sh
	scripts/bench-hash.sh
	scripts/bench-backup-walk.sh
