#!/usr/bin/env python3
"""Picks the committed corpus of a target (scripts/fuzz.sh --cmin runs it): the hand-written
seeds (fuzz/seeds/make_seeds.py), then, greedily, the inputs that cover the most code edges not
yet covered — from the per-input coverage libFuzzer writes with -merge_control_file — until no
input adds an edge, or MAX files, or MAX_BYTES in all.

    cap_corpus.py CONTROL_FILE SEED_DIR OUT_DIR [MAX [MAX_BYTES]]

CONTROL_FILE comes from `TARGET -merge=1 -merge_control_file=CONTROL_FILE EMPTY_DIR INPUT_DIR...`.
OUT_DIR receives the picked files, named by the SHA-1 of their content."""
import hashlib
import os
import shutil
import sys


def sha1(path):
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


def main():
    control, seeds, out = sys.argv[1:4]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    max_bytes = int(sys.argv[5]) if len(sys.argv) > 5 else 1_000_000
    with open(control, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    n = int(lines[0])
    files = lines[2 : 2 + n]
    cov = {i: set() for i in range(n)}
    for line in lines[2 + n :]:
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "COV":
            cov[int(parts[1])] = set(parts[2:])
    seed_hashes = set(os.listdir(seeds)) if os.path.isdir(seeds) else set()
    keep, covered, size, seen = [], set(), 0, set()
    for i, path in enumerate(files):
        h = sha1(path)
        if h in seed_hashes and h not in seen:
            seen.add(h)
            keep.append(i)
            covered |= cov[i]
            size += os.path.getsize(path)
    candidates = {i for i in range(n) if i not in keep}
    while len(keep) < limit and candidates:
        best = max(candidates, key=lambda i: (len(cov[i] - covered), -os.path.getsize(files[i])))
        gain = cov[best] - covered
        candidates.discard(best)
        if not gain:
            break
        if size + os.path.getsize(files[best]) > max_bytes:
            continue
        keep.append(best)
        covered |= gain
        size += os.path.getsize(files[best])
    os.makedirs(out, exist_ok=True)
    for i in keep:
        shutil.copyfile(files[i], os.path.join(out, sha1(files[i])))
    everything = set().union(*cov.values()) if cov else set()
    print(f"{len(keep)} files, {size} bytes, covering {len(covered)} of {len(everything)} edges "
          f"({n} inputs considered)")


if __name__ == "__main__":
    main()
