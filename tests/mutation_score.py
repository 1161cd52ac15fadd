"""Print the mutation score per module from mutmut's results (run `mutmut run` first; see README).

Not a test: pytest collects only test_*.py. Usage: python tests/mutation_score.py
"""

import re
import subprocess
from collections import Counter, defaultdict

# mutmut names a mutant <module>.x_<function>__mutmut_<n> or <module>.xǁ<Class>ǁ<method>__mutmut_<n>
MUTANT = re.compile(r"\.x(?:_|ǁ).*$")


def main() -> None:
    listed = subprocess.run(["mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True)
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in listed.stdout.splitlines():
        name, _, status = line.strip().partition(": ")
        if status:
            module = MUTANT.sub("", name)  # unami.loaders.dates.x__precision__mutmut_1 -> unami.loaders.dates
            by_module[module][status] += 1
    print("| module | killed | survived | no tests | other | score |")
    print("| --- | --- | --- | --- | --- | --- |")
    for module, counts in sorted(by_module.items()):
        total = sum(counts.values())
        other = total - counts["killed"] - counts["survived"] - counts["no tests"]
        score = f"{counts['killed']}/{total} ({100 * counts['killed'] / total:.0f}%)"
        print(f"| `{module}` | {counts['killed']} | {counts['survived']} | {counts['no tests']} | {other} | {score} |")


if __name__ == "__main__":
    main()
