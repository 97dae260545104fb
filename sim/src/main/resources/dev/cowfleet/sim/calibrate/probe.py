"""cowfleet calibration probe: measure a preloaded heap and its forked workers.

Run by `cowfleet calibrate` (it extracts this file from the jar) or by hand:

    python probe.py --preload cowfleet_synthetic_app --workers 2 --requests 200
    python probe.py --app myapp.wsgi:application --mix mix.json --report out.json

With --app, the master imports the application and the workers serve the request mix
(cowfleet_probe_wsgi.py) instead of the synthetic request.  With --report, the JSON document
(or {"error": ..., "status": ...}) goes to that file, not stdout, so an app that prints at
import cannot break the protocol.

It imports the --preload module in this process (the master), reports the heap
facts the cowfleet models take, then runs a prefork experiment: for every GC
policy it forks --workers workers, each serves --requests synthetic requests,
runs an explicit gc.collect() and exits, and the master reads each worker's
/proc/PID/smaps_rollup and minor-fault count at every phase.  One JSON document
goes to stdout; progress and errors go to stderr.

Stdlib only.  CPython 3.6 and later on Linux.

Exit status: 0 ok, 2 bad arguments, 3 the preload module failed to import,
4 no Linux /proc (or not CPython), 5 a worker failed.

How each figure is obtained is documented next to the code that measures it;
the short version:
  * heap facts are read in a throwaway child (a fork of the master), so that
    walking a million objects does not leave holes in the master's heap;
  * id(obj) is the object's address in CPython and the GC header sits just
    before it, so the page of a tracked object's header is
    (id(obj) - gc_head) // page;
  * the master measures the workers from outside while each worker waits on a
    pipe at a checkpoint, so reading /proc does not perturb the worker;
  * shutdown is measured without ptrace: the worker registers the C library's
    raise(SIGSTOP) with __cxa_atexit, which runs after Py_Finalize, so the
    master sees a stopped worker whose mappings still hold the finalized heap;
    and the minor-fault count of the worker is read again once it is a zombie
    (waitid with WNOWAIT: /proc/PID/stat still holds minflt, the mappings are
    gone), which also covers os._exit, which skips C atexit handlers.
"""
import argparse
import gc
import json
import os
import random
import signal
import sys
import time

EXIT_USAGE = 2
EXIT_IMPORT = 3
EXIT_PLATFORM = 4
EXIT_WORKER = 5
EXIT_APP = 6

PROBE_FORMAT = 1
GC_HEAD_BYTES = sys.getsizeof({}) - {}.__sizeof__()

# smaps field name -> JSON key; values are kB in /proc and bytes in the output.
SMAPS_FIELDS = {
    "Rss": "rss",
    "Pss": "pss",
    "Shared_Clean": "sharedClean",
    "Shared_Dirty": "sharedDirty",
    "Private_Clean": "privateClean",
    "Private_Dirty": "privateDirty",
    "Anonymous": "anonymous",
}

# Policy name -> (gc mode, freeze before fork).  The "-exit" variants add
# atexit.register(os._exit, 0) in the worker.  Names match the cowfleet models.
BASE_POLICIES = (
    ("default", "enabled", False),
    ("disable", "disable", False),
    ("threshold0", "threshold0", False),
    ("freeze", "enabled", True),
)

# A key the synthetic request writes into inherited dicts and removes again:
# a real write to the dict's table without changing what the app sees.
MUTATION_KEY = "__cowfleet_probe_mutation__"

# The probe's own inherited structures (the workload's list of every tracked
# object, above all) are parked here so that a worker unwinding the master's
# frames on sys.exit() does not free them before atexit runs: freeing them would
# decref the whole heap and charge an os._exit worker with copies a real server
# would not make.  Interpreter teardown frees them like any module global.
INHERITED = []

# os.CLD_STOPPED exists only from Python 3.9; the value is the Linux one.
CLD_STOPPED = getattr(os, "CLD_STOPPED", 5)


class ProbeError(Exception):
    """A failure with a one-line message and the exit status to report it with."""

    def __init__(self, message, status):
        Exception.__init__(self, message)
        self.status = status


def enter_own_process_group():
    """cowfleet ends the probe by killing its process group: the master, its workers and any
    process the app forked.  A new group also keeps a terminal's Ctrl-C for cowfleet to handle."""
    try:
        os.setpgid(0, 0)
    except OSError:
        pass  # already a group leader


def die_with_master():
    """A forked worker must not outlive the master (PR_SET_PDEATHSIG); best effort without ctypes."""
    try:
        import ctypes
        ctypes.CDLL(None).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (ImportError, OSError, AttributeError):
        pass


def log(message):
    sys.stderr.write("probe: %s\n" % message)
    sys.stderr.flush()


# ---------------------------------------------------------------- /proc access

def page_size():
    return os.sysconf("SC_PAGE_SIZE")


def check_platform():
    if sys.implementation.name != "cpython":
        raise ProbeError("needs CPython (id() must be an address); this is %s" % sys.implementation.name,
                         EXIT_PLATFORM)
    if not os.path.exists("/proc/self/stat"):
        raise ProbeError("needs a Linux /proc (no /proc/self/stat on %s)" % sys.platform, EXIT_PLATFORM)
    if not (os.path.exists("/proc/self/smaps_rollup") or os.path.exists("/proc/self/smaps")):
        raise ProbeError("needs /proc/PID/smaps_rollup or /proc/PID/smaps (kernel without smaps)",
                         EXIT_PLATFORM)


def read_memory(pid):
    """Memory of a process in bytes, from smaps_rollup or, on kernels before 4.14, the sum of smaps."""
    totals = dict((key, 0) for key in SMAPS_FIELDS.values())
    path = "/proc/%s/smaps_rollup" % pid
    if not os.path.exists(path):
        path = "/proc/%s/smaps" % pid
    with open(path) as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                key = SMAPS_FIELDS.get(parts[0].rstrip(":"))
                if key is not None:
                    totals[key] += int(parts[1]) * 1024
    totals["uss"] = totals["privateClean"] + totals["privateDirty"]
    return totals


def read_faults(pid):
    """Minor faults (minflt) of a process; readable for a zombie too."""
    with open("/proc/%s/stat" % pid) as stat:
        text = stat.read()
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[7])  # field 10 of stat(5), counted from "state" = field 3


def snapshot(pid):
    figures = read_memory(pid)
    figures["minorFaults"] = read_faults(pid)
    return figures


# ----------------------------------------------------------------- heap facts

def gc_generation_sizes():
    """Objects per generation (3.8+), or None: older versions cannot list a generation."""
    if sys.version_info < (3, 8):
        return None
    return [len(gc.get_objects(generation=g)) for g in range(3)]


def inline_bytes(obj, tracked):
    """Bytes of the object's own block: where its header and fields live.

    Lists, dicts and sets keep their items in a separately allocated buffer whose
    address Python does not expose; for those only the fixed struct is placed.
    """
    kind = type(obj)
    if kind.__itemsize__ == 0 and kind is not str:
        size = kind.__basicsize__
    else:
        size = sys.getsizeof(obj) - (GC_HEAD_BYTES if tracked else 0)
    return max(size, 1)


def reachable_objects(tracked):
    """Tracked objects plus the untracked ones they refer to, deduplicated by address."""
    seen = dict((id(obj), obj) for obj in tracked)
    frontier = list(tracked)
    while frontier:
        next_frontier = []
        for obj in frontier:
            for referent in gc.get_referents(obj):
                key = id(referent)
                if key not in seen:
                    seen[key] = referent
                    # An untracked container (a tuple or dict of atoms) may hold
                    # further untracked objects; tracked ones are all listed already.
                    next_frontier.append(referent)
        frontier = next_frontier
    return seen


def survey_heap(hot_fraction, seed):
    """Heap facts of this process's heap, plus a uniform sample of hot_fraction
    of its objects' addresses; destructive, so run it in a throwaway fork."""
    page = page_size()
    # First, before the survey's own allocations leave free blocks behind.
    malloc = pymalloc_stats()
    frozen = gc.get_freeze_count() if hasattr(gc, "get_freeze_count") else 0
    if frozen:
        gc.unfreeze()  # list frozen objects too: they are part of the inherited heap
    generations = gc_generation_sizes()
    tracked = gc.get_objects()
    tracked_ids = set(map(id, tracked))
    header_pages = set()
    for obj in tracked:
        header_pages.add((id(obj) - GC_HEAD_BYTES) // page)
    objects = reachable_objects(tracked)
    object_pages = set()
    heap_bytes = 0
    for key, obj in objects.items():
        is_tracked = key in tracked_ids
        heap_bytes += sys.getsizeof(obj, 0)
        start = key - (GC_HEAD_BYTES if is_tracked else 0)
        end = key + inline_bytes(obj, is_tracked) - 1
        object_pages.update(range(start // page, end // page + 1))
    main = sys.modules.get("__main__")
    facts = {
        "trackedObjects": len(tracked),
        "totalObjects": len(objects),
        "heapBytes": heap_bytes,
        "objectPages": len(object_pages),
        "trackedPages": len(header_pages),
        "trackedPagesFraction": float(len(header_pages)) / max(len(object_pages), 1),
        "frozenObjects": frozen,
        "mainObjects": len(vars(main)) if main is not None else 0,
        "generationSizes": generations,
    }
    hot_count = max(1, int(round(len(objects) * hot_fraction)))
    hot_ids = random.Random(seed).sample(sorted(objects), hot_count)
    facts["hotIds"] = hot_ids
    # Distinct pages that hold a hot object (its header or its first byte): what
    # touching every hot object copies, to check the model's layout assumption.
    facts["hotPages"] = len(set((key - (GC_HEAD_BYTES if key in tracked_ids else 0)) // page for key in hot_ids))
    facts["largeObjectBytes"] = sum(sys.getsizeof(obj, 0) for obj in objects.values()
                                    if sys.getsizeof(obj, 0) > SMALL_OBJECT_LIMIT)
    del tracked, tracked_ids, objects
    facts["pymalloc"] = malloc
    facts["longLived"] = measure_long_lived()
    return facts


SMALL_OBJECT_LIMIT = 512


def pymalloc_stats():
    """The allocator's own account (sys._debugmallocstats, written to the C stderr): bytes in
    allocated and free blocks of used pools, in empty pools, and overheads.  Free blocks in used
    pools are the free slots new objects fill; the rest of the arenas holds no object."""
    import tempfile
    if not hasattr(sys, "_debugmallocstats"):
        return None
    with tempfile.TemporaryFile() as capture:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(capture.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        text = capture.read().decode("ascii", "replace")
    wanted = {"bytes in allocated blocks": "allocatedBytes", "bytes in available blocks": "availableBytes",
              "unused pools": "unusedPoolBytes", "bytes lost to pool headers": "poolHeaderBytes",
              "bytes lost to quantization": "quantizationBytes", "bytes lost to arena alignment": "alignmentBytes",
              "Total": "arenaBytes"}
    stats = {}
    for line in text.splitlines():
        label, _, value = line.partition("=")
        digits = value.strip().replace(",", "")
        for part, key in wanted.items():
            # the first "Total" is the arenas'; later ones are other tables
            if part in label and key not in stats and digits.isdigit():
                stats[key] = int(digits)
    stats.setdefault("unusedPoolBytes", 0)  # older versions print no line when there are none
    return stats if len(stats) == len(wanted) else None


def measure_long_lived():
    """long_lived_total and long_lived_pending of this heap, by experiment.

    CPython does not expose them.  A full collection is skipped while
    pending < total / 4, and pending grows by the survivors of each
    generation-1 collection.  So: promote everything young (gc.collect(1)),
    count gen 2 (G = total + pending, assuming no gen-2 object died since the
    last full collection), then allocate surviving tracked objects with
    thresholds (100, 0, 0), which checks the rule after every ~200
    allocations, and note how many had been promoted when the first full
    collection starts (A = total / 4 - pending).  Then
    pending = (G - 4 A) / 5 and total = G - pending.  The pending reported
    includes the master's young objects, which a worker's first
    generation-1 collection promotes anyway.
    """
    gc.collect(1)
    generation2 = len(gc.get_objects())
    promoted = [0]
    started_full = []
    holder = []

    def watch(phase, info):
        if phase != "start" or started_full:
            return
        if info["generation"] == 1:
            promoted[0] = len(holder)
        elif info["generation"] == 2:
            started_full.append(promoted[0])

    gc.callbacks.append(watch)
    gc.set_threshold(100, 0, 0)
    limit = generation2 + 100000
    while not started_full and len(holder) < limit:
        holder.append([])
    gc.callbacks.remove(watch)
    if not started_full:
        return {"method": "experiment", "total": None, "pending": None,
                "note": "no full collection after %d survivors" % limit}
    allocated = started_full[0]
    # Rounded up: CPython collects when pending >= total // 4, and the rounded-down
    # value would put the inherited state just short of the limit it was seen to reach.
    pending = max(0, -((4 * allocated - generation2) // 5))
    return {
        "method": "experiment",
        "generation2": generation2,
        "survivorsUntilFullCollection": allocated,
        "total": generation2 - pending,
        "pending": pending,
        "resolution": 200,
    }


def survey_in_child(hot_fraction, seed):
    """Fork, survey the copy of the heap, send the facts back as JSON."""
    return in_child("heap survey", lambda: survey_heap(hot_fraction, seed))


def in_child(label, measure):
    """Runs measure() in a throwaway fork of the master and returns its JSON-able result."""
    read_end, write_end = os.pipe()
    flush_std()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        die_with_master()
        status = 0
        try:
            payload = json.dumps(measure()).encode("utf-8")
            write_all(write_end, payload)
        except BaseException as failure:  # the child must never return into the master's code
            sys.stderr.write("probe: %s failed: %r\n" % (label, failure))
            status = EXIT_WORKER
        os._exit(status)
    os.close(write_end)
    data = read_all(read_end)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise ProbeError("%s child failed (status %d)" % (label, status), EXIT_WORKER)
    return json.loads(data.decode("utf-8"))


def write_all(fd, data):
    view = memoryview(data)
    while len(view):
        written = os.write(fd, view)
        view = view[written:]


def read_all(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def flush_std():
    # A forked child inherits unflushed buffers and would write them twice.
    sys.stdout.flush()
    sys.stderr.flush()


# ------------------------------------------------------------ synthetic request

class Workload(object):
    """What one synthetic request does; built in the master so workers inherit it.

    It matches the cowfleet request model: a hot set, a random
    hotFraction of all inherited objects (tracked or not, so scattered over
    the heap), from which each request binds inheritedObjectsTouched distinct
    objects; a few inherited dicts really written; reference cycles that only
    a collection frees; and a few tracked objects kept for good.
    """

    def __init__(self, args, hot_ids, population):
        """hot_ids: addresses the heap survey sampled; resolved here without a
        table of every object, which would leave holes in the master's heap."""
        wanted = set(hot_ids)
        found = {}
        for obj in gc.get_objects():
            if id(obj) in wanted:
                found[id(obj)] = obj
            for referent in gc.get_referents(obj):
                if id(referent) in wanted:
                    found[id(referent)] = referent
        # Untracked objects nested in untracked containers are not reached by this
        # one-level walk; they are rare and only shrink the hot set a little.
        self.hot = [found[key] for key in hot_ids if key in found]
        if not self.hot:
            raise ProbeError("none of the sampled hot objects could be found again in the master", EXIT_WORKER)
        # Mutations write hot dicts, as the model draws mutated objects from the hot set.
        self.dicts = [obj for obj in self.hot if type(obj) is dict]
        self.population = population
        self.touches = min(args.touch, len(self.hot))
        self.mutations = args.mutate if self.dicts else 0
        self.garbage_units = args.garbage_units
        self.survivors = args.survivors
        self.unit_bytes, self.unit_tracked = self.measure_garbage_unit()
        self.curve = None  # its copy curve, measured by measure_synthetic_curve once it exists

    @staticmethod
    def garbage_unit(index):
        """A small reference cycle: freed only by a collection of its generation."""
        node = {"index": index, "payload": [index, index + 1, index + 2], "peer": None}
        peer = [node, "x" * 16]
        node["peer"] = peer
        return node

    def measure_garbage_unit(self):
        node = self.garbage_unit(1)
        parts = (node, node["payload"], node["peer"], node["peer"][1])
        size = sum(sys.getsizeof(part) for part in parts)
        tracked = sum(1 for part in parts if gc.is_tracked(part))
        return size, tracked

    def describe(self):
        survivor_bytes = sys.getsizeof([])
        curve = self.curve or {}
        return {
            "hotCurve": curve.get("curve"),
            "cpuPerRequest": curve.get("cpuPerRequest"),
            "measuredRequests": curve["curve"][-1][0] if curve else None,
            "inheritedObjectsTouched": self.touches,
            "hotObjects": len(self.hot),
            "hotFraction": float(len(self.hot)) / self.population,
            "mutatedObjects": self.mutations,
            "trackedAllocationsPeak": self.garbage_units * self.unit_tracked + self.survivors,
            # The cycles outlive the request too (until a collection frees them), so
            # for count0 they are survivors, as the model's request profile counts them.
            "trackedSurvivors": self.garbage_units * self.unit_tracked + self.survivors,
            "cyclicGarbageBytes": self.garbage_units * self.unit_bytes,
            "liveGrowthBytes": self.survivors * survivor_bytes,
        }

    def serve(self, rng, kept):
        # Taking a reference writes each object's refcount: the refcount CoW source.
        touched = rng.sample(self.hot, self.touches)
        del touched
        for _ in range(self.mutations):
            target = self.dicts[rng.randrange(len(self.dicts))]
            target[MUTATION_KEY] = True
            del target[MUTATION_KEY]
        # Alive for the whole request, as a request's objects are: young
        # collections during it promote them, so some reach older generations.
        garbage = [self.garbage_unit(i) for i in range(self.garbage_units)]
        del garbage
        for _ in range(self.survivors):
            kept.append([])


# ------------------------------------------------------------------- workers

class ExitHook(object):
    """Stops a worker after Py_Finalize so its finalized heap can be measured.

    raise(SIGSTOP) is registered with the C library's __cxa_atexit, which runs
    handlers from exit(), after Python has finalized.  Resolved in the master,
    armed in each worker; unavailable without ctypes.
    """

    def __init__(self):
        self.reason = None
        try:
            import ctypes
            libc = ctypes.CDLL(None)
            register = libc["__cxa_atexit"]  # item access: a dunder attribute would be name-mangled
            register.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
            register.restype = ctypes.c_int
            self._register = register
            self._raise = ctypes.cast(libc["raise"], ctypes.c_void_p)
            self._signal = ctypes.c_void_p(int(signal.SIGSTOP))
        except (ImportError, OSError, AttributeError) as failure:
            self.reason = "no C-level exit hook: %s" % (failure,)

    @property
    def available(self):
        return self.reason is None

    def arm(self):
        if self.available:
            self._register(self._raise, self._signal, None)


def apply_worker_policy(mode, os_exit):
    if mode == "disable":
        gc.disable()
    elif mode == "threshold0":
        gc.set_threshold(0)
    if os_exit:
        import atexit
        atexit.register(os._exit, 0)


def gc_collections():
    return [generation["collections"] for generation in gc.get_stats()]


def worker_main(workload, policy, index, seed, requests, channel, exit_hook):
    """The body of a forked worker; ends in a normal interpreter exit (or os._exit under -exit)."""
    to_master, from_master = channel
    mode, os_exit = policy["gc"], policy["exit"] == "os._exit"
    apply_worker_policy(mode, os_exit)
    if not os_exit:
        exit_hook.arm()
    rng = random.Random(seed * 1000003 + index)
    kept = []

    def checkpoint(report):
        write_all(to_master, (json.dumps(report) + "\n").encode("utf-8"))
        if os.read(from_master, 1) != b"g":
            os._exit(EXIT_WORKER)

    start = gc_collections()
    checkpoint({"phase": "fork", "gcCount": list(gc.get_count())})
    for _ in range(requests):
        workload.serve(rng, kept)
    after_requests = gc_collections()
    checkpoint({"phase": "requests", "gcCount": list(gc.get_count()),
                "collections": [b - a for a, b in zip(start, after_requests)]})
    gc.collect()
    served = getattr(workload, "served", None)
    checkpoint({"phase": "collect", "gcCount": list(gc.get_count()),
                "served": served.as_dict() if served is not None else None})
    sys.exit(0)


class WorkerHandle(object):
    def __init__(self, pid, to_worker, from_worker):
        self.pid = pid
        self.to_worker = to_worker
        self.reader = os.fdopen(from_worker, "rb")
        self.phases = {}
        self.reports = {}

    def await_checkpoint(self, phase):
        line = self.reader.readline()
        if not line:
            raise ProbeError("worker %d died before checkpoint '%s'" % (self.pid, phase), EXIT_WORKER)
        report = json.loads(line.decode("utf-8"))
        if report["phase"] != phase:
            raise ProbeError("worker %d reported '%s', expected '%s'" % (self.pid, report["phase"], phase),
                             EXIT_WORKER)
        self.reports[phase] = report

    def release(self):
        os.write(self.to_worker, b"g")

    def measure(self, phase):
        figures = snapshot(self.pid)
        figures.update(dict((k, v) for k, v in self.reports[phase].items() if k != "phase"))
        self.phases[phase] = figures

    def measure_shutdown(self, exit_hook_armed):
        """Faults while exiting; with the hook, the finalized heap too; then reap."""
        before = self.phases["collect"]["minorFaults"]
        result = {"finalized": None}
        started = time.time()
        info = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WSTOPPED | os.WNOWAIT)
        if info.si_code == CLD_STOPPED:
            result["finalized"] = snapshot(self.pid)
            os.kill(self.pid, signal.SIGCONT)
            info = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOWAIT)
        elif exit_hook_armed:
            result["note"] = "worker exited without reaching the C-level exit hook"
        result["seconds"] = time.time() - started
        result["zombieMinorFaults"] = read_faults(self.pid)
        result["minorFaults"] = result["zombieMinorFaults"] - before
        _, status = os.waitpid(self.pid, 0)
        result["exitStatus"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        self.reader.close()
        os.close(self.to_worker)
        self.phases["shutdown"] = result
        return result


def fork_worker(workload, policy, index, seed, requests, exit_hook):
    up_read, up_write = os.pipe()
    down_read, down_write = os.pipe()
    flush_std()
    pid = os.fork()
    if pid == 0:
        os.close(up_read)
        os.close(down_write)
        die_with_master()
        try:
            worker_main(workload, policy, index, seed, requests, (up_write, down_read), exit_hook)
        except SystemExit:
            raise  # the normal exit path: Py_Finalize runs from here
        except BaseException as failure:
            sys.stderr.write("probe: worker failed: %r\n" % (failure,))
            os._exit(EXIT_WORKER)
    os.close(up_write)
    os.close(down_read)
    return WorkerHandle(pid, down_write, up_read)


def run_policy(workload, name, mode, freeze, os_exit, args, exit_hook, requests=None, workers=None):
    policy = {"policy": name + ("-exit" if os_exit else ""), "gc": mode, "freeze": freeze,
              "exit": "os._exit" if os_exit else "normal"}
    # The collector state these workers inherit, measured again right before they fork: since the
    # heap survey the master has allocated (reports, earlier policies' workers) and run collections
    # of its own, a full one among them, which resets long_lived_pending and all three counts.
    policy["longLivedAtFork"] = in_child("long-lived measurement", measure_long_lived)
    policy["gcCountBeforeFreeze"] = list(gc.get_count())
    if freeze:
        gc.freeze()
    policy["frozenObjects"] = gc.get_freeze_count() if hasattr(gc, "get_freeze_count") else 0
    policy["gcCountAtFork"] = list(gc.get_count())
    policy["masterAtFork"] = read_memory(os.getpid())
    requests = args.requests if requests is None else requests
    workers = [fork_worker(workload, policy, i, args.seed, requests, exit_hook)
               for i in range(args.workers if workers is None else workers)]
    try:
        for phase in ("fork", "requests", "collect"):
            for worker in workers:
                worker.await_checkpoint(phase)
            for worker in workers:
                worker.measure(phase)
            for worker in workers:
                worker.release()
        # One at a time, so each exiting worker is measured alone.
        for worker in workers:
            worker.measure_shutdown(exit_hook.available and not os_exit)
    finally:
        if freeze:
            gc.unfreeze()
    policy["workers"] = [dict(pid=w.pid, **w.phases) for w in workers]
    return policy


def selected_policies(names):
    supported = [p for p in BASE_POLICIES if not p[2] or hasattr(gc, "freeze")]
    known = dict((p[0], p) for p in supported)
    chosen = []
    for name in names:
        base = name[:-len("-exit")] if name.endswith("-exit") else name
        if base not in known:
            raise ProbeError("--policies: unknown or unsupported policy '%s' on Python %s; expected %s"
                             % (name, platform_version(), ", ".join(sorted(known))), EXIT_USAGE)
        chosen.append((known[base], name.endswith("-exit")))
    return chosen


def platform_version():
    return "%d.%d.%d" % sys.version_info[:3]


# ---------------------------------------------------------------------- main

def parse_args(argv):
    parser = argparse.ArgumentParser(description="cowfleet calibration probe")
    parser.add_argument("--preload", default="cowfleet_synthetic_app",
                        help="module imported by the master before fork (from sys.path)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--policies", default=None,
                        help="comma-separated, e.g. default,freeze-exit (default: all this Python supports)")
    parser.add_argument("--touch", type=int, default=300, help="distinct hot objects bound per request")
    parser.add_argument("--hot-fraction", type=float, default=0.01,
                        help="fraction of inherited objects requests draw their touches from")
    parser.add_argument("--mutate", type=int, default=0, help="hot inherited dicts written per request")
    parser.add_argument("--garbage-units", type=int, default=200, help="reference cycles made per request")
    parser.add_argument("--survivors", type=int, default=20, help="tracked objects kept per request")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--facts-only", action="store_true", help="skip the prefork experiment")
    parser.add_argument("--app", default=None, help="MODULE[:CALLABLE] of a WSGI app to serve (default callable: application)")
    parser.add_argument("--mix", default=None, help="the request mix as JSON (written by cowfleet from the request file)")
    parser.add_argument("--report", default=None, help="write the JSON report to this file instead of stdout")
    args = parser.parse_args(argv)
    for name in ("workers", "requests"):
        if getattr(args, name) < 1:
            parser.error("--%s %d: expected a positive count" % (name, getattr(args, name)))
    if (args.app is None) != (args.mix is None):
        parser.error("--app and --mix go together")
    if not 0 < args.hot_fraction <= 1:
        parser.error("--hot-fraction %r: expected a fraction in (0, 1]" % args.hot_fraction)
    return args


def import_preload(name):
    import importlib
    from cowfleet_probe_wsgi import frames_tail
    try:
        started = time.time()
        importlib.import_module(name)
        return time.time() - started
    except BaseException as failure:
        raise ProbeError("cannot import preload module '%s': %s" % (name, frames_tail(failure)), EXIT_IMPORT)


def import_app(spec):
    """Imports the app as a preloading master does; returns the callable and the seconds it took."""
    import cowfleet_probe_wsgi as wsgi
    started = time.time()
    try:
        app = wsgi.load_callable(spec)
    except wsgi.AppError as failure:
        raise ProbeError("--app %s: %s" % (spec, failure), EXIT_IMPORT)
    return app, time.time() - started


def measure_app_requests(app, mix, args, exit_hook):
    """The request facts, from measurement workers kept apart from the experiment's workers."""
    import cowfleet_probe_wsgi as wsgi
    page = page_size()
    frozen = hasattr(gc, "freeze")
    if frozen:
        gc.freeze()
    try:
        curve = in_child("hot-set measurement", lambda: wsgi.measure_curve(
            app, mix, random.Random(args.seed * 7919 + 1), args.requests, read_memory, page))
    finally:
        if frozen:
            gc.unfreeze()
    allocations = in_child("allocation measurement", lambda: wsgi.measure_allocations(
        app, mix, random.Random(args.seed * 7919 + 2), args.requests, read_memory))
    try:
        wsgi.check_failures([curve["served"], allocations["served"]], "measurement workers")
    except wsgi.AppError as failure:
        raise ProbeError("--app %s: %s" % (args.app, failure), EXIT_APP)
    facts = {
        "hotCurve": curve["curve"],
        "curveFrozen": frozen,
        "cpuPerRequest": curve["cpuPerRequest"],
        "gcReenabledRequests": curve["gcReenabledRequests"],
        "gcFirstReenabledAfter": curve["gcFirstReenabledAfter"],
        "measuredRequests": args.requests,
        "trackedAllocationsPeak": int(round(max(allocations["trackedAllocationsPeak"], allocations["trackedSurvivors"]))),
        "trackedSurvivors": int(round(allocations["trackedSurvivors"])),
        "cyclicGarbageBytes": int(round(allocations["cyclicGarbageBytes"])),
        "liveGrowthBytes": int(round(allocations["liveGrowthBytes"])),
        "mutatedObjects": 0,
        "served": {"curve": curve["served"], "allocations": allocations["served"]},
    }
    return facts


def measure_synthetic_curve(workload, args):
    """The synthetic request's copy curve, measured as an app's is (heap frozen, collector off, a
    measurement worker apart from the experiment's): the model is told the pages its hot objects
    sit on by that curve, not by the objects the probe chose, whose pages it cannot see."""
    import cowfleet_probe_wsgi as wsgi
    page = page_size()
    frozen = hasattr(gc, "freeze")
    if frozen:
        gc.freeze()
    try:
        rng = random.Random(args.seed * 7919 + 1)
        kept = []
        return in_child("hot-set measurement", lambda: wsgi.copy_curve(
            lambda: workload.serve(rng, kept), args.requests, read_memory, page))
    finally:
        if frozen:
            gc.unfreeze()


def measure_frozen_cyclic_share(workload, args, exit_hook):
    """A frozen worker that serves nothing and exits normally: the share of its object pages that
    teardown leaves clean.  Kept apart from the experiment's freeze workers, which serve requests."""
    if not (hasattr(gc, "freeze") and exit_hook.available):
        return None
    result = run_policy(workload, "frozen-share", "enabled", True, False, args, exit_hook, requests=0, workers=1)
    worker = result["workers"][0]
    return {"exitFaults": worker["shutdown"]["minorFaults"],
            "sharedAtExit": (worker["collect"]["sharedClean"] + worker["collect"]["sharedDirty"]) // page_size()}


def run(args):
    check_platform()
    exit_hook = ExitHook()  # ctypes is imported before the app, as part of the baseline
    policy_names = args.policies.split(",") if args.policies else \
        [p[0] + suffix for p in BASE_POLICIES if not p[2] or hasattr(gc, "freeze") for suffix in ("", "-exit")]
    policies = selected_policies(policy_names)
    before_import = read_memory(os.getpid())
    app = None
    if args.app:
        app, import_seconds = import_app(args.app)
    else:
        import_seconds = import_preload(args.preload)
    log("imported %s in %.1fs; surveying the heap" % (args.app or args.preload, import_seconds))
    thresholds = list(gc.get_threshold())
    heap = survey_in_child(args.hot_fraction, args.seed)
    long_lived = heap.pop("longLived")
    hot_ids = heap.pop("hotIds")
    INHERITED.append(hot_ids)
    workload = None
    if not args.facts_only and app is not None:
        import cowfleet_probe_wsgi as wsgi
        mix = wsgi.Mix(args.mix)
        log("serving %d requests in measurement workers" % (2 * args.requests))
        workload = wsgi.WsgiWorkload(app, mix, measure_app_requests(app, mix, args, exit_hook))
        INHERITED.append(workload)
    elif not args.facts_only:
        workload = Workload(args, hot_ids, heap["totalObjects"])
        INHERITED.append(workload)
        log("serving %d synthetic requests in a measurement worker" % args.requests)
        workload.curve = measure_synthetic_curve(workload, args)
    gc_count = list(gc.get_count())
    at_fork = read_memory(os.getpid())
    heap["anonymousBytesBeforeImport"] = before_import["anonymous"]
    heap["anonymousBytesAtFork"] = at_fork["anonymous"]
    report = {
        "probe": PROBE_FORMAT,
        "python": {"version": platform_version(), "implementation": sys.implementation.name,
                   "gcHeadBytes": GC_HEAD_BYTES, "pageBytes": page_size(),
                   "executable": sys.executable},
        "preload": args.app or args.preload,
        "app": args.app,
        "importSeconds": import_seconds,
        "heap": heap,
        "gc": {"thresholds": thresholds, "countAtFork": gc_count, "longLived": long_lived,
               "notes": [] if sys.version_info >= (3, 8) else
               ["generation sizes cannot be listed before 3.8 (gc.get_objects has no generation argument)"]},
        "master": {"beforeImport": before_import, "atFork": at_fork},
    }
    if args.facts_only:
        return report
    INHERITED.append(report)  # it grows with every policy's figures: an exiting worker must not free it
    report["request"] = workload.describe()
    report["exitHook"] = {"available": exit_hook.available, "reason": exit_hook.reason}
    report["frozenShare"] = measure_frozen_cyclic_share(workload, args, exit_hook)
    report["experiment"] = {"workers": args.workers, "requests": args.requests, "policies": []}
    for (name, mode, freeze), os_exit in policies:
        started = time.time()
        result = run_policy(workload, name, mode, freeze, os_exit, args, exit_hook)
        report["experiment"]["policies"].append(result)
        log("policy %s: %.1fs" % (result["policy"], time.time() - started))
    if app is not None:
        report["experimentServed"] = experiment_served(report)
    return report


def experiment_served(report):
    """Status codes the experiment workers sent back with their last checkpoint."""
    totals = {"served": 0, "failures": 0, "statuses": {}, "firstFailure": None}
    for policy in report["experiment"]["policies"]:
        for worker in policy["workers"]:
            served = worker.get("collect", {}).get("served")
            if not served:
                continue
            totals["served"] += served["served"]
            totals["failures"] += served["failures"]
            totals["firstFailure"] = totals["firstFailure"] or served["firstFailure"]
            for status, count in served["statuses"].items():
                totals["statuses"][status] = totals["statuses"].get(status, 0) + count
    return totals


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    enter_own_process_group()
    try:
        report = run(args)
    except ProbeError as failure:
        if args.report:
            emit(args.report, {"error": str(failure), "status": failure.status})
        else:
            log(str(failure))
        return failure.status
    emit(args.report, report)
    return 0


def emit(path, document):
    """Writes the report whole: to a temporary name, then renamed, so a reader never sees half."""
    text = json.dumps(document, indent=1, sort_keys=True) + "\n"
    if not path:
        sys.stdout.write(text)
        return
    partial = path + ".partial"
    with open(partial, "w") as out:
        out.write(text)
    os.rename(partial, path)


if __name__ == "__main__":
    sys.exit(main())
