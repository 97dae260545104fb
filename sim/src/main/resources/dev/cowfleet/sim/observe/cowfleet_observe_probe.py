"""The app `cowfleet observe` runs under the real server, with one worker, before the measured run: the
user's app (COWFLEET_PROBE_APP, "module:callable") with the collector switched off, so that
gc.get_count()[0] only grows with the tracked objects the requests leave behind (live ones and cyclic
garbage alike) and no collection resets it. GET /__cowfleet_count0 answers that count; observe reads
it before and after the worker's first requests to learn how many tracked objects a request leaves
while the worker warms up, a figure calibrate's steady-state measurement does not see.
"""
import gc
import importlib
import os

_module, _, _callable = os.environ["COWFLEET_PROBE_APP"].partition(":")
app = getattr(importlib.import_module(_module), _callable or "application")
gc.disable()  # in the master, after the import: the worker inherits it

COUNT_PATH = "/__cowfleet_count0"


def application(environ, start_response):
    if environ.get("PATH_INFO") == COUNT_PATH:
        body = str(gc.get_count()[0]).encode()
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    return app(environ, start_response)
