#!/usr/bin/env python3
"""Repacks a jar as another build might: the same entry contents, other entry times, the reverse order, the zip
attributes Python's zipfile writes. Usage: repack.py IN.jar OUT.jar"""
import sys
import zipfile


def main():
    source, target = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as jar, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in reversed(jar.infolist()):
            repacked = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 10, 11, 12))
            repacked.compress_type = info.compress_type
            out.writestr(repacked, jar.read(info.filename))


if __name__ == "__main__":
    main()
