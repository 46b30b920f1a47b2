"""Run every benchmark of bench/ (bench_*.py) one after the other and print their figures."""

import subprocess
import sys
from pathlib import Path

ici = Path(__file__).resolve().parent
codes = 0
for script in sorted(ici.glob("bench_*.py")):
    print(f"\n=== {script.name} ===", flush=True)
    codes |= subprocess.call([sys.executable, str(script)], cwd=ici.parent)  # noqa: S603 - our own scripts
sys.exit(codes)
