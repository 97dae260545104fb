"""A WSGI app with a library that switches the collector back on, as msgpack did: from its fourth
request on, every request calls gc.enable(). Under gc.disable() calibrate must see it happen after
request 4 and write that policy with libraryEnablesGcAfter: 4."""
import gc

_served = [0]


def application(environ, start_response):
    _served[0] += 1
    if _served[0] >= 4:
        gc.enable()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
