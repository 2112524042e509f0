#!/usr/bin/env python3
"""Writes the benchmark inputs: COUNT files of SIZE bytes, pseudo-random from a fixed seed.

The content does not change how fast anything hashes or signs (no tool compresses a detached signature's input),
but a fixed seed means every run, and every tool in a run, reads the very same bytes. A file that already has the
right size is kept, so re-running the benchmark does not rewrite 700 MiB.
"""
import argparse
import os
import random

CHUNK = 1 << 20


def write(path, size, seed):
    if os.path.isfile(path) and os.path.getsize(path) == size:
        return False
    rng = random.Random(seed)
    tmp = path + ".tmp"
    with open(tmp, "wb") as out:
        left = size
        while left > 0:
            n = min(CHUNK, left)
            out.write(rng.randbytes(n))
            left -= n
    os.replace(tmp, path)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--prefix", required=True, help="file names are PREFIX-NNN.bin, or PREFIX.bin when --count is 1")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--size", type=int, required=True, help="bytes per file")
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    written = 0
    for i in range(args.count):
        name = f"{args.prefix}.bin" if args.count == 1 else f"{args.prefix}-{i:03d}.bin"
        if write(os.path.join(args.dir, name), args.size, args.seed * 100003 + i):
            written += 1
    print(f"{args.count} file(s) of {args.size} bytes in {args.dir} ({written} written, {args.count - written} kept)")


if __name__ == "__main__":
    main()
