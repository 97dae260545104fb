"""A WSGI app whose /fail raises: more than 5% failing requests must stop a calibration."""


def application(environ, start_response):
    if environ["PATH_INFO"] == "/fail":
        raise RuntimeError("no such order")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
