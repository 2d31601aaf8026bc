#!/usr/bin/env python3
"""Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt.

Usage: python3 eng/update-public-api.py src/ElasticFunnels.Crm
Review the diff of PublicAPI.Unshipped.txt: it is the change to the package's public surface.
"""
import re, subprocess, sys, pathlib

project = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src/ElasticFunnels.Crm")
out = subprocess.run(["dotnet", "build", str(project), "-p:TreatWarningsAsErrors=false", "--no-incremental"],
                     capture_output=True, text=True).stdout
symbols = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", out))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", out))
unshipped = project / "PublicAPI.Unshipped.txt"
lines = [l for l in unshipped.read_text().splitlines() if l.strip()]
header = [l for l in lines if l.startswith("#")]
body = sorted((set(l for l in lines if not l.startswith("#")) | symbols) - removed)
unshipped.write_text("\n".join(header + body) + "\n")
print(f"added {len(symbols)}, removed {len(removed & set(lines))}")
