"""Summarizes JFR execution samples (jfr print --json on stdin): top frames (self time) and the share of
samples in which a method appears anywhere on the stack (total time), for the 40 largest of each (argument: how many)."""
import collections
import json
import sys

events = json.load(sys.stdin)["recording"]["events"]
self_counts = collections.Counter()
total_counts = collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [f'{f["method"]["type"]["name"]}.{f["method"]["name"]}' for f in frames]
    if not names:
        continue
    self_counts[names[0]] += 1
    for name in set(names):
        total_counts[name] += 1
n = len(events) or 1
print(f"{len(events)} execution samples")
for title, counts in (("self (top frame)", self_counts), ("total (anywhere on the stack)", total_counts)):
    print(f"\n== {title}")
    for name, count in counts.most_common(int(sys.argv[1]) if len(sys.argv) > 1 else 40):
        print(f"{100.0 * count / n:6.1f}%  {name}")
