#!/usr/bin/env bash
# Counts false positives on hand-written US notes with negated lists, family
# history, "status post" and other context (suggest/testdata/context/notes.jsonl):
# suggestions at or above the engine's threshold that are not gold codes, and
# among them the "forbidden" codes the note's context rules out (negated, a
# relative's, past, a heading, a vaccine, an instrument). Usage:
#   scripts/contextfp.sh [-v]      (MEDCODE=bin/medcode DATA=data MODEL=<data>/model.json or none)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=${MEDCODE:-bin/medcode}
data=${DATA:-data}
model=${MODEL:-$data/model.json}
notes=suggest/testdata/context/notes.jsonl
verbose=${1:-}
python3 - "$bin" "$data" "$model" "$notes" "$verbose" <<'PY'
import json, subprocess, sys
bin_, data, model, path, verbose = sys.argv[1:6]
tot = dict(notes=0, above=0, tp=0, fp=0, forbidden=0, forbidden_any=0, gold=0, found=0)
for line in open(path):
    case = json.loads(line)
    out = subprocess.run([bin_, "--data", data, "--model", model, "suggest", "--json", "--top", "30"], input=case["text"],
                         capture_output=True, text=True, check=True).stdout
    res = json.loads(out)
    gold = {c["code"] for c in case["codes"]}
    forb = set(case.get("forbidden", []))
    th = res["threshold"]
    above = [s["code"] for s in res["suggestions"] if s["confidence"] >= th]
    listed = [s["code"] for s in res["suggestions"]]
    fp = [c for c in above if c not in gold]
    bad = [c for c in above if c in forb]
    tot["notes"] += 1; tot["above"] += len(above); tot["tp"] += len(above) - len(fp); tot["fp"] += len(fp)
    tot["forbidden"] += len(bad); tot["forbidden_any"] += len([c for c in listed if c in forb])
    tot["gold"] += len(gold); tot["found"] += len([c for c in gold if c in listed])
    if verbose:
        print("%-18s above=%s fp=%s forbidden=%s forbidden-listed=%s missing=%s" % (case["id"], above, fp, bad,
              [c for c in listed if c in forb], sorted(gold - set(listed))))
print("notes %(notes)d  above-threshold %(above)d  correct %(tp)d  false positives %(fp)d  "
      "forbidden above threshold %(forbidden)d  forbidden anywhere in top 30 %(forbidden_any)d  gold in top 30 %(found)d/%(gold)d" % tot)
PY
