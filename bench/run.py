"""Run every benchmark of bench/ (each script but this one and commun.py) and print their figures."""

import subprocess
import sys
from pathlib import Path

ici = Path(__file__).resolve().parent
codes = 0
for script in sorted(p for p in ici.glob("*.py") if p.name not in {"run.py", "commun.py"}):
    print(f"\n=== {script.name} ===", flush=True)
    codes |= subprocess.call([sys.executable, str(script)], cwd=ici.parent)  # noqa: S603 - our own scripts
sys.exit(codes)
