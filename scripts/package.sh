#!/usr/bin/env bash
# Make the downloads of a release, each with its SHA-256 and a minisign signature made with
# medsec's own signing (medsec::signing::release), so a clinic checks a download the same way
# an inspector checks a report:
#
#   dist/medsec-VERSION-x86_64-pc-windows-gnu.zip      medsec.exe, README.md, LICENSE, probes.toml,
#                                                      monthly-probe.ps1, monthly-probe.xml
#   dist/medsec-VERSION-x86_64-unknown-linux-gnu.tar.gz  medsec, README.md, LICENSE, probes.toml
#   dist/*.sha256   (sha256sum -c FILE.sha256)      dist/*.minisig   (minisign -Vm FILE -p release.pub)
#   dist/release.pub                                the public key that signed them (when known)
#
# The binaries in the downloads are stripped of their symbols and debug information
# (x86_64-w64-mingw32-strip, strip), which changes nothing they do; the script checks that the
# stripped Linux binary still runs and that neither keeps a symbol table or debug section.
#
# Usage: scripts/package.sh
# Environment:
#   MEDSEC_RELEASE_KEY         the release secret key (a medsec or minisign .key file). Without it
#                              a throwaway key is made in dist/ and the script says so: such a
#                              download proves only that it was not changed after this run.
#   MEDSEC_RELEASE_PASSPHRASE  the key's passphrase, when it is encrypted.
#   MEDSEC_LINUX_BIN, MEDSEC_WINDOWS_BIN
#                              binaries already built (CI passes the ones it tested); without
#                              them both are built here with `cargo build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || { echo "package: no version in Cargo.toml" >&2; exit 2; }
win_target=x86_64-pc-windows-gnu
linux_target=x86_64-unknown-linux-gnu

linux_bin=${MEDSEC_LINUX_BIN:-}
windows_bin=${MEDSEC_WINDOWS_BIN:-}
if [ -z "$linux_bin" ]; then
  cargo build --release --locked --target "$linux_target"
  linux_bin=target/$linux_target/release/medsec
fi
if [ -z "$windows_bin" ]; then
  cargo build --release --locked --target "$win_target"
  windows_bin=target/$win_target/release/medsec.exe
fi
for bin in "$linux_bin" "$windows_bin"; do
  [ -f "$bin" ] || { echo "package: $bin does not exist" >&2; exit 2; }
done
for tool in x86_64-w64-mingw32-strip x86_64-w64-mingw32-objdump strip objdump; do
  command -v "$tool" >/dev/null || {
    echo "package: $tool is not installed (apt-get install -y binutils gcc-mingw-w64-x86-64)" >&2
    exit 2
  }
done

mkdir -p dist
rm -f dist/release.pub
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The files every download carries. README first: it says how to install and verify.
pack() { # pack DIR BINARY NAME PROBES
  mkdir -p "$1"
  cp "$2" "$1/$3"
  cp README.md LICENSE "$1/"
  cp "$4" "$1/probes.toml"
}
win_name=medsec-$version-$win_target
linux_name=medsec-$version-$linux_target
pack "$stage/$win_name" "$windows_bin" medsec.exe examples/windows/probes.toml
cp examples/windows/monthly-probe.ps1 examples/windows/monthly-probe.xml "$stage/$win_name/"
pack "$stage/$linux_name" "$linux_bin" medsec examples/probes.toml
chmod 755 "$stage/$linux_name/medsec"

# Stripped: symbols and debug information are of no use to a clinic and most of the size.
size() { wc -c <"$1" | tr -d ' '; }
stripped() { # stripped FILE OBJDUMP: no symbol table and no debug section left
  local sections symbols
  sections=$("$2" -h "$1") && symbols=$("$2" -t "$1") || return 1
  ! grep -qE '\.z?debug_(info|line|abbrev|str|aranges|ranges|loc)' <<<"$sections" && grep -q '^no symbols' <<<"$symbols"
}
win_exe=$stage/$win_name/medsec.exe
linux_exe=$stage/$linux_name/medsec
before_win=$(size "$win_exe")
before_linux=$(size "$linux_exe")
x86_64-w64-mingw32-strip --strip-all "$win_exe"
strip --strip-all "$linux_exe"
stripped "$win_exe" x86_64-w64-mingw32-objdump || { echo "package: medsec.exe is not stripped" >&2; exit 1; }
stripped "$linux_exe" objdump || { echo "package: medsec is not stripped" >&2; exit 1; }
"$linux_exe" --version >/dev/null || { echo "package: the stripped medsec does not run" >&2; exit 1; }
echo "package: stripped medsec.exe $before_win -> $(size "$win_exe") bytes," \
  "medsec $before_linux -> $(size "$linux_exe") bytes"

# Reproducible archives: fixed order, times and owners (SOURCE_DATE_EPOCH when set).
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
find "$stage" -exec touch -h -d "@$epoch" {} +
zip_out=dist/$win_name.zip
tar_out=dist/$linux_name.tar.gz
rm -f "$zip_out" "$tar_out"
python3 - "$stage" "$win_name" "$zip_out" "$epoch" <<'PY'
import os, sys, time, zipfile
stage, name, out, epoch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
stamp = time.gmtime(max(epoch, 315532800))[:6]   # zip times start in 1980
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(os.listdir(os.path.join(stage, name))):
        info = zipfile.ZipInfo(f"{name}/{f}", stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, open(os.path.join(stage, name, f), "rb").read())
PY
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$stage" -cf - "$linux_name" |
  gzip -n >"$tar_out"

# Checksums, in sha256sum's format, beside each download.
for f in "$zip_out" "$tar_out"; do
  (cd dist && sha256sum "$(basename "$f")" >"$(basename "$f").sha256")
done

# Signatures with medsec's own signing.
key=${MEDSEC_RELEASE_KEY:-}
passphrase_var=-
if [ -z "$key" ]; then
  echo "package: MEDSEC_RELEASE_KEY is not set: signed with a THROWAWAY key (dist/release.pub," \
    "secret key deleted); these signatures prove nothing about who made the files" >&2
  "$linux_bin" keygen --out "$stage/throwaway" --unencrypted >/dev/null 2>&1
  key=$stage/throwaway.key
  cp "$stage/throwaway.pub" dist/release.pub
else
  if [ -n "${MEDSEC_RELEASE_PASSPHRASE:-}" ]; then passphrase_var=MEDSEC_RELEASE_PASSPHRASE; fi
fi
cargo run --quiet --locked --example sign_release -- "$key" "$passphrase_var" "$zip_out" "$tar_out"
if [ -n "${MEDSEC_RELEASE_KEY:-}" ]; then
  pub=${MEDSEC_RELEASE_KEY%.key}.pub
  if [ -f "$pub" ]; then cp "$pub" dist/release.pub; fi
fi

echo "package: made (version $version):"
for f in "$zip_out" "$tar_out"; do
  echo "  $f  $(cut -c1-16 "$f.sha256")…  $(basename "$f").minisig"
done
echo "check: (cd dist && sha256sum -c FILE.sha256 && minisign -Vm FILE -p release.pub)"
