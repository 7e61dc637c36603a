#!/usr/bin/env python3
"""One row of the open-loop table from h2load's --log-file (start µs, status, duration µs per request) and
its printed summary: the rate achieved, latency percentiles and the failures by status.

usage: h2load-summary.py LABEL RATE LOG_FILE H2LOAD_OUTPUT
"""
import re
import sys
from collections import Counter

label, rate, log_path, output_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [line.split("\t") for line in open(log_path) if line.strip()]
starts = [int(r[0]) for r in rows]
durations = sorted(int(r[2]) / 1000 for r in rows)
statuses = Counter(r[1] for r in rows)
output = open(output_path).read()
# Requests that never got an answer (connection errors, timeouts) are not in the log, only in the summary.
summary = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, "
                    r"(\d+) errored, (\d+) timeout", output)
total = int(summary.group(1)) if summary else len(rows)


def pct(p):
    return durations[min(len(durations) - 1, int(len(durations) * p))] if durations else float("nan")


span = (max(starts) - min(starts)) / 1e6 if len(starts) > 1 else float("nan")
errors = {s: n for s, n in statuses.items() if not s.startswith("2")}
unanswered = total - len(rows)
if unanswered:
    errors["no answer"] = unanswered
print(f"{label:<34} {rate:>8} {len(rows) / span if span else 0:>8.0f} {pct(0.5):>8.1f} {pct(0.99):>8.1f} "
      f"{pct(0.999):>8.1f} {durations[-1] if durations else float('nan'):>8.1f} "
      f"{sum(errors.values()):>7}{'  ' + str(errors) if errors else ''}")
