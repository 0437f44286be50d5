"""Times the inbox's pages as a logged-in sales person sees them, one request at a time.

    python3 bench/scale.py BASE EMAIL PASSWORD RUNS [SERVER_PID]

Logs in, then asks each page RUNS times (after two warm-up requests) and prints one line per
page: "SCALE name median_ms=… p95_ms=… status=…", the time from sending the request to the last
byte of the answer. The pages: the list in every order, filtered every way, a page deep in the
list, searches in several scripts, the dashboard and a lead's page; then the export of every
lead, once: "EXPORT status=… seconds=… bytes=…", with the server's memory (given its process id,
on Linux) just before the export and its high-water mark during the export alone:
"… rss_before_kb=… rss_peak_kb=…".
"""

import datetime
import http.client
import re
import statistics
import sys
import time
import urllib.parse

base, email, password, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
server_pid = sys.argv[5] if len(sys.argv) > 5 else None
host = urllib.parse.urlsplit(base)
connection = http.client.HTTPConnection(host.hostname, host.port, timeout=600)


def request(method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    return response, data


form = urllib.parse.urlencode({"email": email, "password": password})
response, _ = request(
    "POST",
    "/inbox/login",
    form,
    {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"},
)
if response.status != 303:
    sys.exit(f"scale: the login was refused ({response.status})")
cookie = response.getheader("Set-Cookie").split(";")[0]


def get(path):
    response, data = request("GET", path, headers={"Cookie": cookie})
    return response.status, data.decode("utf-8", "replace")


def quote(text):
    return urllib.parse.quote(text)


# A page deep in the list: the one after a lead from about a year ago, in each order.
year_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=365)
deep = f"{int(year_ago.timestamp() * 1_000_000)}.{2**62}"
month_start = (year_ago - datetime.timedelta(days=30)).date()
pages = [
    ("list, newest first", "/inbox"),
    ("list, oldest first", "/inbox?sort=oldest"),
    ("list, reply-by time", "/inbox?sort=reply-by"),
    ("list, a page a year deep", f"/inbox?after={deep}.0"),
    ("list, oldest first, a year deep", f"/inbox?sort=oldest&after={deep}.0"),
    ("list, reply-by, among the answered", f"/inbox?sort=reply-by&after={deep}.1"),
    ("list, status won", "/inbox?status=won"),
    ("list, status new", "/inbox?status=new"),
    ("list, spam", "/inbox?status=spam"),
    ("list, assigned to me", "/inbox?assignee=mine"),
    ("list, nobody's yet", "/inbox?assignee=unassigned"),
    ("list, one source", "/inbox?source=newsletter"),
    ("list, one month a year ago", f"/inbox?from={month_start}&to={year_ago.date()}"),
    ("list, won, one source, a month", f"/inbox?status=won&source=linkedin&from={month_start}&to={year_ago.date()}"),
    ("search, Latin name", "/inbox?q=lovelace"),
    ("search, accented", "/inbox?q=" + quote("fernández")),
    ("search, Cyrillic", "/inbox?q=" + quote("Смирнова")),
    ("search, Greek", "/inbox?q=" + quote("Παπαδοπούλου")),
    ("search, Arabic", "/inbox?q=" + quote("الحسن")),
    ("search, Japanese (3 characters)", "/inbox?q=" + quote("山田 太")),
    ("search, Japanese (2 characters)", "/inbox?q=" + quote("佐藤")),
    ("search, a common word", "/inbox?q=monolith"),
    ("search, an address", "/inbox?q=" + quote("salam.4242@")),
    ("search, nothing matches", "/inbox?q=zqxjv"),
    ("dashboard", "/inbox/dashboard"),
]
status, listing = get("/inbox")
match = re.search(r'href="/inbox/leads/([A-Z0-9-]+)"', listing)
if match:
    pages.append(("a lead's page", f"/inbox/leads/{match.group(1)}"))

for name, path in pages:
    for _ in range(2):
        get(path)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        status, _ = get(path)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    print(f"SCALE {name}|median_ms={statistics.median(timings):.2f}|p95_ms={p95:.2f}|status={status}", flush=True)


def memory_kb(field):
    with open(f"/proc/{server_pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))


# Every lead as CSV, once: how long the whole download takes, how big it is, and what the
# server's memory was before it and at most during it (writing 5 to `clear_refs` starts the
# process's high-water mark again from its size now).
memory = ""
if server_pid:
    before = memory_kb("VmRSS")
    with open(f"/proc/{server_pid}/clear_refs", "w") as clear:
        clear.write("5")
started = time.perf_counter()
connection.request("GET", "/inbox/export.csv", headers={"Cookie": cookie})
response = connection.getresponse()
size = 0
while chunk := response.read(1 << 16):
    size += len(chunk)
seconds = time.perf_counter() - started
if server_pid:
    memory = f" rss_before_kb={before} rss_peak_kb={memory_kb('VmHWM')}"
print(f"EXPORT status={response.status} seconds={seconds:.2f} bytes={size}{memory}", flush=True)
