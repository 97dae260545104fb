"""A WSGI app that does at import what breaks naive probes: prints to stdout, forks a long-lived child
and starts a non-daemon thread. The child's pid goes to $HOSTILE_PIDFILE so a test can check it died."""
import os
import sys
import threading
import time

print("hello from hostileapp at import")
sys.stdout.flush()

_child = os.fork()
if _child == 0:
    time.sleep(3600)
    os._exit(0)
if os.environ.get("HOSTILE_PIDFILE"):
    with open(os.environ["HOSTILE_PIDFILE"], "w") as pidfile:
        pidfile.write(str(_child))

threading.Thread(target=time.sleep, args=(3600,), name="never-ends").start()


def application(environ, start_response):
    print("serving", environ["PATH_INFO"])
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
