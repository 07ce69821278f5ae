#!/usr/bin/env python3
"""Fails on any line over 120 characters in tracked C#, MSBuild and notebook code.

Checks tracked *.cs, *.csproj, *.props and *.targets files, and the code cells of tracked *.ipynb
notebooks (outputs and markdown are prose or generated, so they are left out, as is *.md). Prints one
`file:line: N chars` per long line; for a notebook the place is `file:cell C line L`, counted from 0 for
the cell (as the workbook runner numbers cells) and from 1 for the line.

Usage: tools/check-line-length.py [--limit N] [PATH ...]   (no PATH: every tracked file in the repository)
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

SOURCE_SUFFIXES = (".cs", ".csproj", ".props", ".targets")


def tracked_files(root: Path) -> list[Path]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True, capture_output=True, text=True)
    return [Path(name) for name in listing.stdout.split("\0") if name]


def long_source_lines(path: Path, shown: Path, limit: int):
    text = path.read_text(encoding="utf-8-sig")
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > limit:
            yield f"{shown}:{number}: {len(line)} chars"


def long_notebook_lines(path: Path, shown: Path, limit: int):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", [])
        text = "".join(source) if isinstance(source, list) else source
        for number, line in enumerate(text.splitlines(), start=1):
            if len(line) > limit:
                yield f"{shown}:cell {index} line {number}: {len(line)} chars"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()

    # Tracked paths are relative to the repository root, so the report reads the same from any folder.
    root = Path(__file__).resolve().parent.parent
    paths = args.paths or [root / name for name in tracked_files(root)]
    problems = []
    checked = 0
    for path in paths:
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        if path.suffix in SOURCE_SUFFIXES:
            problems.extend(long_source_lines(path, shown, args.limit))
        elif path.suffix == ".ipynb":
            problems.extend(long_notebook_lines(path, shown, args.limit))
        else:
            continue
        checked += 1

    for problem in problems:
        print(problem)
    if problems:
        print(f"line-length: {len(problems)} line(s) over {args.limit} characters", file=sys.stderr)
        return 1
    print(f"line-length: no line over {args.limit} characters in {checked} file(s) checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
