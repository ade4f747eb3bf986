#!/usr/bin/env python3
"""No zombie or orphan process remains after multiprocessing scripts.

usage: no_orphans.py GILPY SCRIPT_OR_DIR...
Runs each script whose source mentions multiprocessing or concurrent.futures under gilpy in a
new session, waits for it, then checks /proc: no process of that session may still exist (an
orphan), and none may be a zombie.
"""
import os
import subprocess
import sys
import tempfile
import time


def session_members(sid):
    members = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % entry) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(')') + 2:].split()
        state, session = fields[0], int(fields[3])
        if session == sid:
            members.append((int(entry), state))
    return members


def scripts(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith('.py'):
                    yield os.path.join(p, name)
        else:
            yield p


def main():
    gilpy = os.path.abspath(sys.argv[1])
    bad = 0
    checked = 0
    for script in scripts(sys.argv[2:]):
        with open(script, encoding='utf-8') as f:
            text = f.read()
        if 'multiprocessing' not in text and 'ProcessPool' not in text:
            continue
        checked += 1
        with tempfile.TemporaryDirectory() as tmp:
            p = subprocess.Popen([gilpy, os.path.abspath(script)], cwd=tmp,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, 9)
                p.wait()
                print('TIMEOUT', script)
                bad += 1
                continue
            left = []
            for _ in range(20):  # children may take a moment to notice the parent is gone
                left = session_members(p.pid)
                if not left:
                    break
                time.sleep(0.1)
            if left:
                bad += 1
                print('FAIL %s: %d process(es) left: %s' % (os.path.basename(script), len(left),
                                                           left))
                try:
                    os.killpg(p.pid, 9)
                except OSError:
                    pass
            else:
                print('PASS', os.path.basename(script))
    print('%d scripts checked, %d with leftovers' % (checked, bad))
    return 1 if bad or not checked else 0


if __name__ == '__main__':
    sys.exit(main())
