"""Times a check of a draft of the advice model: the replay of the stored guide results.

    python3 bench/replay.py BASE EMAIL PASSWORD

Logs in as an administrator, takes the model and price book in use from /inbox/model, changes
one weight (microservices start 70 points higher, so many results move), posts the draft to
/inbox/model/check and reads the check's page until it is finished. Prints
"REPLAY results=… changed=… seconds=… per_second=…": the time from the post to the finished
page, which includes the case library and the polling (every 0.2 s).
"""

import html
import http.client
import re
import sys
import time
import urllib.parse

base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
host = urllib.parse.urlsplit(base)
connection = http.client.HTTPConnection(host.hostname, host.port, timeout=600)
same_site = {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"}


def request(method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response, response.read().decode("utf-8", "replace")


response, _ = request("POST", "/inbox/login", urllib.parse.urlencode({"email": email, "password": password}), same_site)
if response.status != 303:
    sys.exit(f"replay: the login was refused ({response.status})")
cookie = response.getheader("Set-Cookie").split(";")[0]
with_cookie = dict(same_site, Cookie=cookie)

_, page = request("GET", "/inbox/model", headers={"Cookie": cookie})
texts = {
    name: html.unescape(re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    for name in ("model", "prices")
}
texts["model"] = texts["model"].replace("microservices = 25\n", "microservices = 95\n", 1)

started = time.monotonic()
response, _ = request("POST", "/inbox/model/check", urllib.parse.urlencode(texts), with_cookie)
if response.status != 303:
    sys.exit(f"replay: the check was refused ({response.status})")
check = response.getheader("Location")
while True:
    _, page = request("GET", check, headers={"Cookie": cookie})
    if 'data-check-status="finished"' in page:
        break
    time.sleep(0.2)
seconds = time.monotonic() - started
summary = re.search(r"([\d,]+) of ([\d,]+) results would change", page)
changed, results = (int(summary.group(n).replace(",", "")) for n in (1, 2))
print(f"REPLAY results={results} changed={changed} seconds={seconds:.2f} per_second={results / seconds:.0f}")
