#!/usr/bin/env bash
# Vendor the front-end libraries Trygplan serves itself (nothing loads from a CDN).
#
# Downloads pinned versions from the npm registry into a temp dir, checks each
# tarball against the pinned integrity hash, and copies only the dist files the
# site uses into static/vendor/:
#
#   static/vendor/dkfds/    css/dkfds.min.css, js/dkfds.min.js, img/all-svg-icons.svg,
#                           and every font/image the CSS refers to with url(), at the
#                           same relative path (so the url()s resolve), LICENSE.md
#   static/vendor/htmx/     htmx.min.js, LICENSE
#   static/vendor/leaflet/  leaflet.css, leaflet.js, images/, LICENSE
#   static/vendor/VERSIONS.txt
#
# Only the neutral DKFDS theme (dkfds.min.css) is taken, not the borger.dk /
# virk.dk themes. Source maps are not vendored, and the sourceMappingURL
# comments that point at them are removed.
#
# To upgrade: change a *_VERSION, set its *_INTEGRITY to the value of
# `npm view <name>@<version> dist.integrity`, rerun, review the diff.
#
# Usage: scripts/vendor-assets.sh      (needs node/npm and access to the npm registry)
set -euo pipefail

DKFDS_VERSION="11.2.0"
DKFDS_INTEGRITY="sha512-JuVf8NjEOeF+TKIhEFXa3BfZvk1ulQM8+XN+6QhgDo6kiwwvupyBY34YU4FglBeyFWHbE5mYDmnrcYTWOSKkEA=="
HTMX_VERSION="2.0.11"
HTMX_INTEGRITY="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="
LEAFLET_VERSION="1.9.4"
LEAFLET_INTEGRITY="sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/static/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

die() { echo "vendor-assets: $*" >&2; exit 1; }
command -v npm >/dev/null || die "npm is required"
command -v node >/dev/null || die "node is required"

VERSIONS_BODY=""

# fetch NAME VERSION INTEGRITY -> unpacks to $TMP/NAME/package, appends to VERSIONS_BODY
fetch() {
    local name="$1" version="$2" integrity="$3"
    local dir="$TMP/$name"
    mkdir -p "$dir"
    echo "vendor-assets: npm pack $name@$version" >&2
    npm pack "$name@$version" --pack-destination "$dir" --json --silent \
        --cache "$TMP/npm-cache" >"$dir/pack.json"
    local got tarball
    got="$(node -e 'const p=require(process.argv[1])[0]; console.log(p.integrity)' "$dir/pack.json")"
    tarball="$(node -e 'const p=require(process.argv[1])[0]; console.log(p.filename)' "$dir/pack.json")"
    [[ "$got" == "$integrity" ]] || die "$name@$version integrity mismatch: got $got, pinned $integrity"
    tar -xzf "$dir/$tarball" -C "$dir"
    local licence
    licence="$(node -e 'console.log(require(process.argv[1]).license || "")' "$dir/package/package.json")"
    VERSIONS_BODY+="$name $version
  licence:   $licence
  tarball:   $tarball (npm)
  integrity: $integrity

"
}

# strip_sourcemap FILE: drop the sourceMappingURL comment (we do not ship .map files)
strip_sourcemap() {
    sed -i -E -e 's@/\*# sourceMappingURL=[^*]*\*/@@' -e '/^\/\/# sourceMappingURL=/d' "$1"
}

# copy_css_urls SRC_CSS_DIR DEST_CSS_DIR CSS_FILE: copy every local url() target, same relative path
copy_css_urls() {
    local src_css_dir="$1" dest_css_dir="$2" css="$3" ref path
    while IFS= read -r ref; do
        path="${ref%%[?#]*}"
        [[ -z "$path" || "$path" == data:* || "$path" == http*:* || "$path" == //* ]] && continue
        [[ -f "$src_css_dir/$path" ]] || die "$(basename "$css") refers to $path, which is not in the package"
        mkdir -p "$(dirname "$dest_css_dir/$path")"
        cp "$src_css_dir/$path" "$dest_css_dir/$path"
    done < <(grep -oE 'url\([^)]*\)' "$css" | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' | sort -u)
}

# check_css_urls CSS_FILE: every local url() in the vendored CSS must exist next to it
check_css_urls() {
    local css="$1" dir ref path missing=0
    dir="$(dirname "$css")"
    while IFS= read -r ref; do
        path="${ref%%[?#]*}"
        [[ -z "$path" || "$path" == data:* || "$path" == http*:* || "$path" == //* ]] && continue
        if [[ ! -f "$dir/$path" ]]; then echo "missing: $path (from $css)" >&2; missing=1; fi
    done < <(grep -oE 'url\([^)]*\)' "$css" | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' | sort -u)
    [[ $missing -eq 0 ]] || die "unresolved url() references in $css"
}

fetch dkfds "$DKFDS_VERSION" "$DKFDS_INTEGRITY"
fetch htmx.org "$HTMX_VERSION" "$HTMX_INTEGRITY"
fetch leaflet "$LEAFLET_VERSION" "$LEAFLET_INTEGRITY"

mkdir -p "$DEST"
rm -rf "$DEST/dkfds" "$DEST/htmx" "$DEST/leaflet"

# --- DKFDS -------------------------------------------------------------------
src="$TMP/dkfds/package/dist"
out="$DEST/dkfds"
mkdir -p "$out/css" "$out/js" "$out/img"
cp "$src/css/dkfds.min.css" "$out/css/"
cp "$src/js/dkfds.min.js" "$out/js/"
cp "$src/img/all-svg-icons.svg" "$out/img/"   # sprite for <svg class="icon-svg"><use href="…#name">
cp "$TMP/dkfds/package/LICENSE.md" "$out/LICENSE.md"
copy_css_urls "$src/css" "$out/css" "$out/css/dkfds.min.css"
strip_sourcemap "$out/css/dkfds.min.css"
strip_sourcemap "$out/js/dkfds.min.js"
check_css_urls "$out/css/dkfds.min.css"

# --- htmx --------------------------------------------------------------------
src="$TMP/htmx.org/package"
out="$DEST/htmx"
mkdir -p "$out"
cp "$src/dist/htmx.min.js" "$out/"
cp "$src/LICENSE" "$out/LICENSE"
strip_sourcemap "$out/htmx.min.js"

# --- Leaflet -----------------------------------------------------------------
src="$TMP/leaflet/package"
out="$DEST/leaflet"
mkdir -p "$out/images"
cp "$src/dist/leaflet.css" "$src/dist/leaflet.js" "$out/"
cp "$src/dist/images/"*.png "$out/images/"   # marker-icon-2x/marker-shadow are used by leaflet.js
cp "$src/LICENSE" "$out/LICENSE"
strip_sourcemap "$out/leaflet.js"
strip_sourcemap "$out/leaflet.css"
check_css_urls "$out/leaflet.css"

# --- VERSIONS.txt --------------------------------------------------------------
{
    echo "# Vendored front-end libraries. Generated by scripts/vendor-assets.sh; do not edit by hand."
    echo "# Each from the npm registry; integrity is the tarball's npm dist.integrity (checked on download)."
    echo "# Licence texts: dkfds/LICENSE.md, htmx/LICENSE, leaflet/LICENSE."
    echo "# Changes to upstream files: sourceMappingURL comments removed (no .map files are shipped)."
    echo
    printf '%s' "$VERSIONS_BODY"
} >"$DEST/VERSIONS.txt"

echo "vendor-assets: done; $(du -sh "$DEST" | cut -f1) in ${DEST#"$ROOT"/}" >&2
