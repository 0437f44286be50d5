"""Time from starting a server process to its first answered request (HTTP 200), median of N.

    python3 bench/startup.py RUNS PORT PATH -- command args...

Before each run, the command in $BENCH_BEFORE_EACH (if set) runs through the shell (e.g. to
remove the database, for a first start). Prints "STARTUP median_ms=… min_ms=… max_ms=…".
"""

import os
import socket
import statistics
import subprocess
import sys
import time


def first_answer(command, port, path):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                sys.exit(f"{command[0]} exited with {process.returncode} before answering")
            if time.perf_counter() - started > 10:
                sys.exit(f"{command[0]} did not answer {path} with 200 within 10 s")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
                    if s.recv(16).startswith(b"HTTP/1.1 200"):
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.0005)
    finally:
        process.terminate()
        process.wait()


def main():
    runs, port, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    command = sys.argv[sys.argv.index("--") + 1 :]
    times = []
    for _ in range(runs):
        if os.environ.get("BENCH_BEFORE_EACH"):
            subprocess.run(os.environ["BENCH_BEFORE_EACH"], shell=True, check=True)
        times.append(first_answer(command, port, path) * 1000)
    print(f"STARTUP median_ms={statistics.median(times):.1f} min_ms={min(times):.1f} max_ms={max(times):.1f}")


main()
