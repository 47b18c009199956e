#!/usr/bin/env python3
"""Shrinks a monkey log (PROCSCOPE_MONKEY_LOG) to the fewest actions that still fail the same way.

    tests/app/monkey_reduce.py build/asan/bin/tst_monkey crash.log 'main_window.cpp:459' > min.log

The last argument is a text the failing run's output must contain (a file:line of the crash's
stack, or the check that failed), so that the reduction keeps the bug it started with. Each try
replays a candidate list with PROCSCOPE_MONKEY_REPLAY; removal is delta debugging (halves, then
quarters, ... then single actions) until no single action can go.
"""
import os
import subprocess
import sys
import tempfile


def fails(binary, actions, signature, timeout):
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as f:
        f.write("\n".join(actions) + "\n")
        path = f.name
    env = dict(os.environ, PROCSCOPE_MONKEY_REPLAY=path, QT_QPA_PLATFORM="offscreen")
    env.pop("PROCSCOPE_MONKEY_LOG", None)
    try:
        run = subprocess.run([binary, "monkey"], env=env, capture_output=True, text=True, timeout=timeout,
                             errors="replace")
        out = run.stdout + run.stderr
        return run.returncode != 0 and signature in out
    except subprocess.TimeoutExpired:
        return False
    finally:
        os.unlink(path)


def reduce(binary, actions, signature, timeout):
    if not fails(binary, actions, signature, timeout):
        sys.exit("the full log does not fail with that signature")
    chunk = len(actions) // 2
    while chunk >= 1:
        start = 0
        while start < len(actions):
            candidate = actions[:start] + actions[start + chunk:]
            if candidate and fails(binary, candidate, signature, timeout):
                actions = candidate
                print(f"{len(actions)} actions", file=sys.stderr)
            else:
                start += chunk
        chunk //= 2
    return actions


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, log, signature = sys.argv[1:]
    with open(log) as f:
        actions = [line.rstrip("\n") for line in f if line.strip()]
    for line in reduce(binary, actions, signature, timeout=600):
        print(line)


if __name__ == "__main__":
    main()
