#!/usr/bin/env python3
"""Summarises a Stryker.NET JSON report: a table per folder and per file, then every surviving or
uncovered mutant with its line, the code it changed and what it became.

Usage: python3 eng/mutation-report.py REPORT.json [--markdown] [--no-mutants]
The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
"""
import json, pathlib, sys

STATUSES = ("Killed", "Survived", "NoCoverage", "Timeout")
LIBRARY = "src/ElasticFunnels.Crm/"


def relative(path):
    path = path.replace("\\", "/")
    index = path.find(LIBRARY)
    return path[index + len(LIBRARY):] if index >= 0 else path


def folder(path):
    return path.split("/")[0] if "/" in path else "(root)"


def score(counts):
    detected = counts["Killed"] + counts["Timeout"]
    valid = detected + counts["Survived"] + counts["NoCoverage"]
    return (100.0 * detected / valid) if valid else None


def table(rows, title, markdown):
    header = (title, "killed", "survived", "no cov.", "timeout", "score")
    lines = []
    if markdown:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
    else:
        lines.append(f"{header[0]:<48} {header[1]:>7} {header[2]:>9} {header[3]:>8} {header[4]:>8} {header[5]:>8}")
    for name, counts in rows:
        value = score(counts)
        shown = "n/a" if value is None else f"{value:.2f}%"
        cells = (name, counts["Killed"], counts["Survived"], counts["NoCoverage"], counts["Timeout"], shown)
        if markdown:
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        else:
            lines.append(f"{cells[0]:<48} {cells[1]:>7} {cells[2]:>9} {cells[3]:>8} {cells[4]:>8} {cells[5]:>8}")
    return "\n".join(lines)


def main(argv):
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    markdown = "--markdown" in argv
    report_path = pathlib.Path(paths[0])
    if not report_path.exists():
        print(f"No report at {report_path}: Stryker tested no mutant (nothing matched, or nothing changed).")
        return 0
    report = json.loads(report_path.read_text(encoding="utf-8"))

    files, folders, total, open_mutants = {}, {}, dict.fromkeys(STATUSES, 0), []
    for path, entry in sorted(report["files"].items()):
        name = relative(path)
        counts = dict.fromkeys(STATUSES, 0)
        source = entry.get("source", "").splitlines()
        for mutant in entry["mutants"]:
            status = mutant["status"]
            if status not in counts:
                continue
            counts[status] += 1
            if status in ("Survived", "NoCoverage"):
                start, end = mutant["location"]["start"], mutant["location"]["end"]
                original = ""
                if start["line"] == end["line"] and start["line"] <= len(source):
                    original = source[start["line"] - 1][start["column"] - 1:end["column"] - 1]
                open_mutants.append((name, start["line"], status, mutant["mutatorName"], original, mutant.get("replacement", "")))
        if not any(counts.values()):
            continue
        files[name] = counts
        bucket = folders.setdefault(folder(name), dict.fromkeys(STATUSES, 0))
        for key in STATUSES:
            bucket[key] += counts[key]
            total[key] += counts[key]

    print(table(sorted(folders.items()) + [("TOTAL", total)], "folder", markdown))
    print()
    print(table(sorted(files.items()), "file", markdown))
    if "--no-mutants" not in argv and open_mutants:
        print()
        print("Surviving and uncovered mutants:")
        for name, line, status, mutator, original, replacement in open_mutants:
            change = f"{' '.join(original.split())[:70]!r} -> {' '.join(replacement.split())[:70]!r}"
            print(f"{'- ' if markdown else ''}{name}:{line} {status} {mutator}: {change}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
