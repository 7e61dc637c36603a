"""Means of bench/run-defaults.sh's rows per configuration (previous, current) over its PAIRS runs: the first
figure of each row (a rate) and, where printed, the server's CPU per operation. Reads the run's output on stdin."""
import re
import sys
from collections import defaultdict

ROW = re.compile(r"^(?P<label>\S.*?)\s{2,}(?P<rate>\d+(?:\.\d+)?)\b")
CPU = re.compile(r"server CPU (\d+(?:\.\d+)?) ms/op")

rates = defaultdict(lambda: defaultdict(list))
cpus = defaultdict(lambda: defaultdict(list))
order = []
config = None
for line in sys.stdin:
    header = re.match(r"^######## (previous|current):", line)
    if header:
        config = header.group(1)
        continue
    row = ROW.match(line)
    if config is None or not row or line.startswith(("==", "operation", "(")):
        continue
    label = row.group("label").strip()
    if label not in order:
        order.append(label)
    rates[label][config].append(float(row.group("rate")))
    cpu = CPU.search(line)
    if cpu:
        cpus[label][config].append(float(cpu.group(1)))


def mean(values):
    return sum(values) / len(values) if values else None


def change(previous, current, lower_is_better=False):
    if not previous or current is None:
        return ""
    ratio = current / previous - 1
    return f"{-ratio if lower_is_better else ratio:+.0%}"


print(f"{'row (mean of runs)':<40} {'previous':>10} {'current':>10} {'faster':>7}   "
      f"{'CPU ms/op prev':>14} {'current':>8} {'cheaper':>8}")
for label in order:
    p, c = mean(rates[label]["previous"]), mean(rates[label]["current"])
    pc, cc = mean(cpus[label]["previous"]), mean(cpus[label]["current"])
    runs = len(rates[label]["current"])
    cpu = f"{pc:>14.3f} {cc:>8.3f} {change(pc, cc, True):>8}" if pc and cc else ""
    print(f"{label[:34] + f' ({runs}x)':<40} {p or 0:>10.0f} {c or 0:>10.0f} {change(p, c):>7}   {cpu}")
