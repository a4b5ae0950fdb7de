"""Takes an `evolve run`'s best candidate out of its run folder: writes its system.sbn to OUT_SBN and
prints a JSON summary (rollouts spent, split into search and Evolve's own holdout check, since
Evolve's budget includes that check and gepa's does not).

  python3 evolve_best.py RUNS_FOLDER OUT_SBN > evolve.json
"""

import glob
import json
import sqlite3
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    runs, out_sbn = sys.argv[1], sys.argv[2]
    folders = [f for f in glob.glob(f"{runs}/*/") if glob.glob(f"{f}run.db") and glob.glob(f"{f}report.json")]
    if len(folders) != 1:
        sys.exit(f"evolve_best: expected one finished run under {runs}, found {len(folders)}")
    folder = folders[0]
    with open(f"{folder}report.json", encoding="utf-8") as f:
        report = json.load(f)
    header = report["header"]
    best = next((c for c in report["candidates"] if c.get("isBest")), None)
    if best is None:  # no child beat the seed: the best is the seed itself
        best = next(c for c in report["candidates"] if c["operator"] == "seed")
    seed = next(c for c in report["candidates"] if c["operator"] == "seed")
    db = sqlite3.connect(f"{folder}run.db")
    components = json.loads(db.execute("select components from candidates where id = ?", (best["id"],)).fetchone()[0])
    with open(out_sbn, "w", encoding="utf-8") as f:
        f.write(components["system.sbn"])
    by_split = dict(db.execute("select split = 'holdout', count(*) from rollouts group by split = 'holdout'").fetchall())
    print(json.dumps({
        "runId": header["runId"], "model": header["model"], "simulated": header["simulated"],
        "budget": header["budget"], "spent": header["spent"], "stopReason": header.get("stopReason"),
        "searchRollouts": by_split.get(0, 0), "holdoutCheckRollouts": by_split.get(1, 0),
        "bestId": best["id"], "bestVal": best["valMean"], "seedVal": seed["valMean"],
        "candidates": len(report["candidates"]), "wallSeconds": header["wallTimeSeconds"],
    }, indent=1))


if __name__ == "__main__":
    main()
