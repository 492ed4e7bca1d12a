"""Run by builds.py: runs one command from this small process and prints its wall time and peak memory as JSON.

Usage: peak.py COMMAND [ARGS...]. Prints {"seconds": ..., "peak_kib": ..., "last_line": ...} (the last line the
command printed, for the benchmark's scripts that print their results as JSON); on failure, the command's output
goes to stderr and the exit code is the command's.

Linux counts in a child's peak memory (ru_maxrss) what the process it was started from held at that moment: started
from the benchmark, which holds whole projects in memory, every build would report at least the benchmark's size.
Started from here, a build's peak can only hide below this process's own few MiB, far under any build's.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time


def main(command: list[str]) -> int:
    """Runs the command with its output kept aside, prints the measures; returns the exit code to leave with."""
    with tempfile.TemporaryFile() as out:
        # A file, not a pipe: nothing reads a pipe while wait4 blocks, so a chatty command would fill it and hang.
        redirect = [(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, out.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawn(command[0], command, os.environ, file_actions=redirect)
        _, status, usage = os.wait4(pid, 0)  # the rusage of this one child
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        printed = out.read().decode("utf-8", errors="replace")
        if code != 0:
            sys.stderr.write(printed)
            return code if code > 0 else 1
    lines = printed.strip().splitlines()
    print(json.dumps({"seconds": elapsed, "peak_kib": usage.ru_maxrss, "last_line": lines[-1] if lines else ""}))  # ru_maxrss is in KiB on Linux
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
