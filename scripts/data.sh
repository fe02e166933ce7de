#!/usr/bin/env bash
# Prepares data/codesets (and data/evaldata): copies the official release files from the
# shared folder ($MEDCODE_SHARED, default ../shared beside the checkout) when it exists, else
# downloads the official CMS/CDC packages, checks their sha256 and unpacks them. Idempotent:
# files already in place are left alone. On failure it says what failed and what to do.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${MEDCODE_SHARED:-$root/../shared}
data=$root/data
out=$data/codesets

# help prints what a newcomer can do when the code sets cannot be had automatically.
help() {
	cat >&2 <<EOF

medcode needs the official code-set files in $out. Any one of these works:
  1. Put the shared data folder beside the checkout, so that $(cd "$root/.." && pwd)/shared/codesets exists.
  2. Point at a copy elsewhere: MEDCODE_SHARED=/path/to/shared make data   (the folder holding codesets/)
  3. Download the official packages by hand into $data/downloads/ under these names, then run make data again:
       icd10cm-2027.zip       https://www.cms.gov/files/zip/2027-code-descriptions-tabular-order.zip
       icd10cm-2026.zip       https://www.cms.gov/files/zip/2026-code-descriptions-tabular-order.zip
       icd10cm-xml-2023.zip   https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2023/icd10cm-Tabular-Index-2023.zip
       icd10cm-tables-2025.zip https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2025/icd10cm-table-index-2025.zip
       hcpcs-2025-oct.zip     https://www.cms.gov/files/zip/october-2025-alpha-numeric-hcpcs-file.zip
See README.md, "Code-set releases".
EOF
}

if [ -d "$shared/codesets" ]; then
	# cp -u copies only what is missing or newer: quick when data is present. The shared
	# folder may be read-only; the copies must not be (the load cache is written beside them).
	mkdir -p "$out"
	cp -ru "$shared/codesets/." "$out/"
	if [ -d "$shared/evaldata" ]; then
		mkdir -p "$data/evaldata"
		cp -ru "$shared/evaldata/." "$data/evaldata/"
	fi
	chmod -R u+w "$data"
	exit 0
fi

# Already prepared (files land in data/codesets only once every download is verified):
# nothing to fetch.
if [ -f "$out/icd10cm/2027/icd10cm_order_2027.txt.gz" ]; then
	exit 0
fi

echo "data: $shared/codesets not found; downloading the official releases (set MEDCODE_SHARED to use a copy)" >&2
command -v curl >/dev/null || { echo "data: curl is not installed" >&2; help; exit 1; }
command -v unzip >/dev/null || { echo "data: unzip is not installed" >&2; help; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cache=$data/downloads
mkdir -p "$cache"

# fetch URL SHA256 FILE: download once (a file already in data/downloads is used as is),
# verify when the package's sha256 is published.
fetch() {
	local url=$1 sum=$2 file=$3 err
	if [ ! -s "$file" ]; then
		if ! err=$(curl -fsSL --retry 2 --connect-timeout 20 -o "$file.part" "$url" 2>&1); then
			rm -f "$file.part"
			rmdir "$cache" 2>/dev/null || true
			echo "data: could not download $url" >&2
			echo "      $(printf '%s\n' "${err:-curl failed}" | tail -n 1)" >&2
			help
			exit 1
		fi
		mv "$file.part" "$file"
	fi
	if [ -n "$sum" ] && ! echo "$sum  $file" | sha256sum -c --quiet - >/dev/null 2>&1; then
		echo "data: $file does not have the published sha256 $sum (from $url); removed it, download it again" >&2
		rm -f "$file"
		exit 1
	fi
}

# unpack ZIP DEST MEMBER...: extracts members (file-name patterns) flat into $tmp/DEST, then
# gzips each into $out/DEST under its official name.
unpack() {
	local zip=$1 dest=$2
	shift 2
	mkdir -p "$tmp/$dest"
	if ! unzip -oqjC "$zip" "$@" -d "$tmp/$dest"; then
		echo "data: $zip lacks one of $*; remove it from $cache and run make data again" >&2
		exit 1
	fi
}

fetch https://www.cms.gov/files/zip/2027-code-descriptions-tabular-order.zip \
	91c6c9d1117764ce72375a0f3a5493b1725dafbc1ab283b55799076c9e194965 "$cache/icd10cm-2027.zip"
fetch https://www.cms.gov/files/zip/2026-code-descriptions-tabular-order.zip \
	55a9124a27ca78a4a5c41e1101eda064ec2e08d105ff9e78d1fbd1a83298ef11 "$cache/icd10cm-2026.zip"
fetch "https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2023/icd10cm-Tabular-Index-2023.zip" \
	"" "$cache/icd10cm-xml-2023.zip"
fetch "https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2025/icd10cm-table-index-2025.zip" \
	"" "$cache/icd10cm-tables-2025.zip"
fetch https://www.cms.gov/files/zip/october-2025-alpha-numeric-hcpcs-file.zip "" "$cache/hcpcs-2025-oct.zip"

unpack "$cache/icd10cm-2027.zip" icd10cm/2027 '*icd10cm_order_2027.txt' '*icd10cm_codes_2027.txt' '*icd10cm_order_addenda_2027.txt'
unpack "$cache/icd10cm-2026.zip" icd10cm/2026 '*icd10cm_order_2026.txt' '*icd10cm_codes_2026.txt' '*icd10cm_order_addenda_2026.txt'
unpack "$cache/icd10cm-xml-2023.zip" icd10cm/2023 '*icd10cm_tabular_2023.xml' '*icd10cm_index_2023.xml'
unpack "$cache/icd10cm-tables-2025.zip" icd10cm/2025 '*icd-10-cm-eindex-2025.xml' '*icd-10-cm-neoplasm-2025.xml' '*icd-10-cm-drug-2025.xml'
unpack "$cache/hcpcs-2025-oct.zip" hcpcs/2025 '*HCPC2025_OCT_ANWEB*.xlsx'

# Every unpacked file must be byte-identical to the one the shared folder holds.
(cd "$tmp" && mv hcpcs/2025/HCPC2025_OCT_ANWEB*.xlsx hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx 2>/dev/null || true
	if ! sha256sum -c --quiet --ignore-missing "$root/scripts/codesets.sha256"; then
		echo "data: the unpacked files above differ from the official releases medcode was checked against" >&2
		exit 1
	fi)
for f in $(cd "$tmp" && find icd10cm hcpcs -type f); do
	mkdir -p "$(dirname "$out/$f")"
	case $f in
	*.xlsx) cp "$tmp/$f" "$out/$f" ;;
	*) gzip -9nc "$tmp/$f" >"$out/$f.gz" ;;
	esac
done
echo "data: code sets in $out" >&2
echo "data: CodiEsp (labelled notes for training and eval) is not downloaded: it comes with the shared folder;" >&2
echo "      without it the engine runs untrained (see README.md, Data and licences)" >&2
