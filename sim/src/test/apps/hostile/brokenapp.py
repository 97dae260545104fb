"""A WSGI app whose import fails two frames deep, to check the message names the file and line."""


def _load_settings():
    raise ValueError("DATABASE_URL is not set")


_load_settings()


def application(environ, start_response):
    start_response("200 OK", [])
    return [b""]
