"""Walks every hero of a running Hero by Link rel="next" from the first page (limit 100), on one keep-alive
connection, and checks the walk: ids strictly increasing (so none twice), as many heroes as X-Total-Count said.
Usage: python3 walk.py PORT  ->  prints "WALK <heroes> <pages> <seconds> <x-total-count>"; exits 1 on a bad walk."""
import http.client
import json
import re
import sys
import time

port = int(sys.argv[1])
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
path = "/heroes/?limit=100"
seen = pages = 0
last = 0
total = None
started = time.monotonic()
while path:
    connection.request("GET", path)
    answer = connection.getresponse()
    body = answer.read()
    if answer.status != 200:
        sys.exit(f"walk: {answer.status} on {path}: {body[:200]!r}")
    if total is None:
        total = int(answer.getheader("X-Total-Count"))
    for hero in json.loads(body):
        if hero["id"] <= last:
            sys.exit(f"walk: id {hero['id']} after {last}")
        last = hero["id"]
        seen += 1
    pages += 1
    link = answer.getheader("Link")
    match = re.search(r'<([^>]*)>\s*;\s*rel="next"', link) if link else None
    path = match.group(1) if match else None
elapsed = time.monotonic() - started
print(f"WALK {seen} {pages} {elapsed:.3f} {total}")
if seen != total:
    sys.exit(f"walk: saw {seen} heroes, X-Total-Count said {total}")
