"""Serving a real WSGI application inside the calibration probe, and measuring what its requests do.

probe.py imports the application in the master (as Gunicorn --preload and uWSGI without lazy-apps
do), then uses this module in two kinds of forked process:

  * experiment workers, whose private memory the model predicts: each serves requests drawn from
    the mix by weight, exactly as a sync worker would, by calling the WSGI callable in process;
  * measurement workers, kept apart from them, which measure the model's inputs:
      - the hot-set curve: inherited pages copied after 1, 10, 100 and N requests with the
        collector off and the heap frozen, so that only the requests themselves write;
      - allocations: tracked objects at the peak of a request and after it, cyclic garbage
        (gc.DEBUG_SAVEALL keeps what a collection would free, so it can be weighed), live growth;
      - CPU per request, status codes, and libraries that call gc.enable() during a request.

Stdlib only; CPython 3.6 and later.
"""
import bisect
import gc
import io
import json
import os
import sys
import time
import traceback

FAILURE_LIMIT = 0.05
TRACEBACK_FRAMES = 3
PEAK_SAMPLED_REQUESTS = 20
CURVE_POINTS = (1, 10, 100)


class AppError(Exception):
    """The application cannot be served: a one-line message for the user."""


def frames_tail(failure):
    """The traceback's last frames and the exception, on one line: where to look first."""
    # the probe's and importlib's own frames say nothing about the user's code
    frames = [frame for frame in traceback.extract_tb(failure.__traceback__)
              if not (frame[0].startswith("<frozen ") or frame[0] == __file__
                      or os.sep + "importlib" + os.sep in frame[0])][-TRACEBACK_FRAMES:]
    where = "; ".join("%s:%d in %s" % (frame[0], frame[1], frame[2]) for frame in frames)
    text = "%s: %s" % (type(failure).__name__, str(failure).splitlines()[0] if str(failure) else "")
    return "%s (at %s)" % (text.rstrip(": "), where) if where else text


def load_callable(spec):
    """Imports MODULE and returns its CALLABLE, as a server's master does."""
    import importlib
    module_name, _, attribute = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except BaseException as failure:
        raise AppError("import failed: %s" % frames_tail(failure))
    target = module
    for part in (attribute or "application").split("."):
        if not hasattr(target, part):
            raise AppError("module '%s' has no attribute '%s'" % (module_name, attribute or "application"))
        target = getattr(target, part)
    if not callable(target):
        raise AppError("'%s' is a %s, not a WSGI callable" % (spec, type(target).__name__))
    return target


class Mix(object):
    """The request mix as cowfleet parsed it (a JSON list), bodies read once in the master."""

    CONTENT_TYPES = {".json": "application/json", ".xml": "application/xml", ".txt": "text/plain",
                     ".html": "text/html", ".csv": "text/csv"}

    def __init__(self, path):
        with open(path) as source:
            self.requests = json.load(source)
        self.bodies = []
        cumulative = []
        total = 0
        for request in self.requests:
            body = b""
            if request.get("body"):
                with open(request["body"], "rb") as data:
                    body = data.read()
            self.bodies.append(body)
            total += request["weight"]
            cumulative.append(total)
        self.cumulative = cumulative
        self.total = total

    def draw(self, rng):
        """An index into the mix, by weight."""
        return bisect.bisect_right(self.cumulative, rng.random() * self.total)

    def content_type(self, index):
        body = self.requests[index].get("body")
        if not body:
            return ""
        return self.CONTENT_TYPES.get(os.path.splitext(body)[1].lower(), "application/x-www-form-urlencoded")


class ErrorsStream(object):
    """wsgi.errors: keeps what the app logged for a failing request's message, writes nothing out."""

    def __init__(self):
        self.text = []

    def write(self, text):
        self.text.append(text)

    def writelines(self, lines):
        self.text.extend(lines)

    def flush(self):
        pass


def environ(mix, index):
    """A PEP 3333 environ for one request, as a sync worker behind a proxy builds it."""
    request = mix.requests[index]
    body = mix.bodies[index]
    try:
        from urllib.parse import unquote_to_bytes
    except ImportError:  # pragma: no cover - Python 2 is refused before this
        raise AppError("needs Python 3")
    path = unquote_to_bytes(request["path"]).decode("latin-1")
    env = {
        "REQUEST_METHOD": request["method"],
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": request["query"],
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_USER_AGENT": "cowfleet-calibrate",
        "HTTP_ACCEPT": "*/*",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": ErrorsStream(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if body:
        env["CONTENT_LENGTH"] = str(len(body))
        env["CONTENT_TYPE"] = mix.content_type(index)
    return env


class Served(object):
    """Status codes and failures of the requests one process served."""

    def __init__(self):
        self.statuses = {}
        self.failures = 0
        self.served = 0
        self.first_failure = None

    def record(self, request, status, failure):
        self.served += 1
        key = status.split(" ", 1)[0] if status else "raised"
        self.statuses[key] = self.statuses.get(key, 0) + 1
        if failure is not None or key.startswith("5"):
            self.failures += 1
            if self.first_failure is None:
                self.first_failure = "%s %s (line %d): %s" % (
                    request["method"], request["target"], request["line"], failure or "status " + status)

    def as_dict(self):
        return {"served": self.served, "failures": self.failures, "statuses": self.statuses,
                "firstFailure": self.first_failure}


def serve_one(app, mix, index, served):
    """Calls the app once as a sync worker does: start_response, consume the iterable, close()."""
    status = []

    def start_response(line, headers, exc_info=None):
        if exc_info is not None and status:
            raise exc_info[1].with_traceback(exc_info[2])
        status[:] = [line]
        return lambda data: None

    env = environ(mix, index)
    failure = None
    result = None
    try:
        result = app(env, start_response)
        for _ in result:
            pass
    except Exception as error:
        failure = frames_tail(error)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            try:
                close()
            except Exception as error:
                failure = failure or frames_tail(error)
    if failure is None and status and status[0].startswith("5"):
        logged = "".join(env["wsgi.errors"].text).strip().splitlines()
        failure = "status %s%s" % (status[0], (": " + logged[-1]) if logged else "")
    served.record(mix.requests[index], status[0] if status else "", failure)


class WsgiWorkload(object):
    """The experiment workers' requests: the real app, the mix drawn by weight with the worker's seed."""

    def __init__(self, app, mix, facts):
        self.app = app
        self.mix = mix
        self.facts = facts
        self.served = Served()

    def describe(self):
        return self.facts

    def serve(self, rng, kept):
        serve_one(self.app, self.mix, self.mix.draw(rng), self.served)


def _shared_pages(read_memory, page):
    """Anonymous pages this worker still shares (with the master), and its USS.

    File-backed pages are left out: a worker maps a library's code the first time it runs it, and
    those pages count as shared from then on (the master maps them too) though nothing was copied;
    counted, they hid hundreds of copied heap pages on the fixture apps.
    """
    shared_kb = 0
    anonymous = False
    with open("/proc/self/smaps") as lines:
        for line in lines:
            fields = line.split()
            if not fields:
                continue
            if "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
                # a mapping's header: range perms offset dev inode [path]
                path = fields[5] if len(fields) > 5 else ""
                anonymous = fields[4] == "0" and (path == "" or path == "[heap]" or path.startswith("[anon"))
            elif anonymous and fields[0] in ("Shared_Clean:", "Shared_Dirty:"):
                shared_kb += int(fields[1])
    return shared_kb * 1024 // page, read_memory("self")["uss"]


def measure_curve(app, mix, rng, requests, read_memory, page):
    """The app's hot-set curve (see copy_curve), with its status codes."""
    served = Served()
    result = copy_curve(lambda: serve_one(app, mix, mix.draw(rng), served), requests, read_memory, page)
    result["served"] = served.as_dict()
    return result


def copy_curve(serve, requests, read_memory, page):
    """Inherited pages copied after 1, 10, 100 and N requests, collector off (heap frozen by the master).

    A page the worker copies stops being shared, so the drop of the anonymous mappings' Shared_Clean +
    Shared_Dirty since fork counts exactly the inherited heap pages written; the worker's fresh
    allocations are private pages and do not enter it.
    """
    gc.disable()
    start, uss_start = _shared_pages(read_memory, page)
    points = sorted(set([k for k in CURVE_POINTS if k < requests] + [requests]))
    curve = []
    reenabled = 0
    first_reenabled = None
    cpu = 0.0
    for k in range(1, requests + 1):
        began = time.process_time()
        serve()
        cpu += time.process_time() - began
        if gc.isenabled():
            # a library called gc.enable() during request k (msgpack's case): count it, note the first,
            # and switch the collector off again so the curve stays the refcount writes alone
            reenabled += 1
            first_reenabled = first_reenabled or k
            gc.disable()
        if k in points:
            now, uss = _shared_pages(read_memory, page)
            copied = start - now
            # what the worker's own allocations took: private growth that is not a copied page
            curve.append([k, copied, max(0, uss - uss_start - copied * page)])
    return {"curve": curve, "gcReenabledRequests": reenabled, "gcFirstReenabledAfter": first_reenabled,
            "cpuPerRequest": cpu / requests}


def measure_allocations(app, mix, rng, requests, read_memory):
    """Tracked objects per request at the peak and after it, cyclic garbage and live growth, GC off.

    The first request is served and collected before counting: it fills caches and opens
    connections once per worker, which is not what every request does.
    """
    gc.disable()
    served = Served()
    serve_one(app, mix, mix.draw(rng), served)
    gc.collect()
    anonymous_start = read_memory("self")["anonymous"]
    tracked_start = len(gc.get_objects())
    counted = max(1, requests - 1)
    peaks = []
    sampled = min(counted, PEAK_SAMPLED_REQUESTS)
    for k in range(counted):
        index = mix.draw(rng)
        if k < sampled:
            peaks.append(_peak_of(app, mix, index, served))
        else:
            serve_one(app, mix, index, served)
        gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    gc.collect()
    garbage = list(gc.garbage)
    del gc.garbage[:]
    gc.set_debug(0)
    garbage_bytes = sum(sys.getsizeof(obj) for obj in garbage)
    garbage_tracked = sum(1 for obj in garbage if gc.is_tracked(obj))
    del garbage
    gc.collect()
    live_tracked = len(gc.get_objects()) - tracked_start
    live_bytes = read_memory("self")["anonymous"] - anonymous_start
    return {
        "requests": counted,
        "trackedAllocationsPeak": sum(peaks) / float(len(peaks)),
        "trackedSurvivors": max(0.0, (live_tracked + garbage_tracked) / float(counted)),
        "cyclicGarbageBytes": garbage_bytes / float(counted),
        "cyclicGarbageTracked": garbage_tracked / float(counted),
        "liveGrowthBytes": max(0.0, live_bytes / float(counted)),
        "served": served.as_dict(),
    }


def _peak_of(app, mix, index, served):
    """The most tracked objects alive at once during one request: gc.get_count()[0] sampled at
    every call and return (GC off, so only allocations and frees move it)."""
    start = gc.get_count()[0]
    peak = [start]

    def sample(frame, event, arg):
        count = gc.get_count()[0]
        if count > peak[0]:
            peak[0] = count

    sys.setprofile(sample)
    try:
        serve_one(app, mix, index, served)
    finally:
        sys.setprofile(None)
    return peak[0] - start


def check_failures(served_list, label):
    """More than 5% of requests raising or answering 5xx is an app that is not being served."""
    served = sum(s["served"] for s in served_list)
    failed = sum(s["failures"] for s in served_list)
    if served and failed > FAILURE_LIMIT * served:
        first = next(s["firstFailure"] for s in served_list if s["firstFailure"])
        raise AppError("%d of %d requests (%s) raised or answered 5xx; the first: %s"
                       % (failed, served, label, first))
