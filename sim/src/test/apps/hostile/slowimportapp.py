"""A WSGI app whose import forks a long-lived child and then takes two minutes, so that a test can
interrupt calibrate while its probe waits on the import, with a process outside the probe's own."""
import os
import time

if os.fork() == 0:
    time.sleep(3600)
    os._exit(0)

time.sleep(120)


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
