#!/usr/bin/env bash
# Prepares data/codesets: copies the official release files from ../shared/codesets
# when that folder exists, else downloads the official CMS/CDC packages, checks their
# sha256 and unpacks them. Idempotent: files already in place are left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${MEDCODE_SHARED:-$root/../shared}
out=$root/data/codesets
mkdir -p "$out"

if [ -d "$shared/codesets" ]; then
	# cp -u copies only what is missing or newer: quick when data is present.
	cp -ru "$shared/codesets/." "$out/"
	if [ -d "$shared/evaldata" ]; then
		mkdir -p "$root/data/evaldata"
		cp -ru "$shared/evaldata/." "$root/data/evaldata/"
	fi
	exit 0
fi

echo "data: $shared/codesets not found; downloading the official releases" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fetch URL SHA256 FILE: download once, verify when a published sha256 is known.
fetch() {
	local url=$1 sum=$2 file=$3
	if [ ! -s "$file" ]; then
		curl -fsSL --retry 3 -o "$file.part" "$url"
		mv "$file.part" "$file"
	fi
	if [ -n "$sum" ]; then
		echo "$sum  $file" | sha256sum -c --quiet - || { rm -f "$file"; echo "data: sha256 mismatch for $url" >&2; exit 1; }
	fi
}
cache=$root/data/downloads
mkdir -p "$cache"

# ICD-10-CM FY2026 code descriptions and order files (CMS).
fetch https://www.cms.gov/files/zip/2026-code-descriptions-tabular-order.zip \
	55a9124a27ca78a4a5c41e1101eda064ec2e08d105ff9e78d1fbd1a83298ef11 "$cache/icd10cm-2026.zip"
mkdir -p "$out/icd10cm/2026"
unzip -oqj "$cache/icd10cm-2026.zip" '*icd10cm_order_2026.txt' '*icd10cm_codes_2026.txt' -d "$tmp/2026"
for f in "$tmp"/2026/*.txt; do gzip -9nc "$f" >"$out/icd10cm/2026/$(basename "$f").gz"; done

# ICD-10-CM FY2023 Tabular List and Alphabetic Index XML (CDC NCHS).
fetch "https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2023/icd10cm-Tabular-Index-2023.zip" \
	"" "$cache/icd10cm-xml-2023.zip"
mkdir -p "$out/icd10cm/2023"
unzip -oqj "$cache/icd10cm-xml-2023.zip" '*icd10cm_tabular_2023.xml' '*icd10cm_index_2023.xml' -d "$tmp/2023"
for f in "$tmp"/2023/*.xml; do gzip -9nc "$f" >"$out/icd10cm/2023/$(basename "$f").gz"; done

# HCPCS Level II, October 2025 quarterly (CMS).
fetch https://www.cms.gov/files/zip/october-2025-alpha-numeric-hcpcs-file.zip "" "$cache/hcpcs-2025-oct.zip"
mkdir -p "$out/hcpcs/2025"
unzip -oqj "$cache/hcpcs-2025-oct.zip" '*.xlsx' -d "$tmp/hcpcs"
cp "$tmp"/hcpcs/HCPC2025_OCT_ANWEB*.xlsx "$out/hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx"
