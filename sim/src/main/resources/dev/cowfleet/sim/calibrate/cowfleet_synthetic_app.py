"""A synthetic stand-in for a preloaded web application (cowfleet calibration).

Importing this module builds, in the importing process, a heap shaped like a
Django master's after it has loaded its code: many small modules, each with
classes, functions and code objects, model instances with attribute dicts,
URL tables, settings, translation catalogues and template text.  The mix of
GC-tracked containers and untracked atoms (str, int, float, bytes) is what a
copy-on-write calibration needs; the exact figures are measured by probe.py,
not assumed here.

The size is set by the environment variable COWFLEET_SYNTHETIC_MB (default
64), counted as the sum of sys.getsizeof over the objects built.  The build is
deterministic for a given size and COWFLEET_SYNTHETIC_SEED.

Stdlib only; runs on CPython 3.6 and later.
"""
import os
import random
import sys
import types

SIZE_ENV = "COWFLEET_SYNTHETIC_MB"
SEED_ENV = "COWFLEET_SYNTHETIC_SEED"

# A per-process cache that requests write into: the "real mutation" source.
CACHE = {}

# Everything built, reachable from this module so that it stays alive.
MODULES = []
REGISTRY = {}
URLS = []
SETTINGS = {}
CATALOG = {}
TEMPLATES = []

_WORDS = ("user", "order", "item", "price", "account", "session", "feed", "media",
          "comment", "like", "follow", "story", "tag", "image", "video", "view",
          "query", "cache", "token", "profile", "setting", "event", "report")


def _size_budget():
    text = os.environ.get(SIZE_ENV, "64")
    try:
        megabytes = float(text)
    except ValueError:
        raise ValueError("%s=%r: expected a number of MiB such as 64" % (SIZE_ENV, text))
    if megabytes <= 0:
        raise ValueError("%s=%r: expected a positive number of MiB" % (SIZE_ENV, text))
    return int(megabytes * 1024 * 1024)


def _name(rng, parts):
    return "_".join(rng.choice(_WORDS) for _ in range(parts)) + str(rng.randrange(100000))


def _module_source(rng, classes):
    """Python source of one application module: model classes with methods."""
    lines = ["import re", "DEFAULTS = {'limit': 20, 'ordering': 'id', 'verbose': False}"]
    for index in range(classes):
        cls = "Model%d" % index
        lines.append("class %s(object):" % cls)
        lines.append("    table = %r" % _name(rng, 2))
        lines.append("    fields = %r" % (tuple(_name(rng, 1) for _ in range(rng.randrange(3, 9))),))
        lines.append("    def __init__(self, **values):")
        lines.append("        self.__dict__.update(values)")
        for method in range(rng.randrange(2, 6)):
            lines.append("    def %s_%d(self, request, *args):" % (rng.choice(_WORDS), method))
            lines.append("        data = {'id': getattr(self, 'id', None), 'args': args}")
            lines.append("        if request and %r in request:" % rng.choice(_WORDS))
            lines.append("            data[%r] = [a for a in args if a]" % rng.choice(_WORDS))
            lines.append("        return data")
    lines.append("def view(request, pk=None):")
    lines.append("    return {'pk': pk, 'path': request, 'defaults': DEFAULTS}")
    return "\n".join(lines) + "\n"


def _build_module(rng, index):
    """One module: code, classes, instances, a URL table, a catalogue and some text."""
    name = "cowfleet_synthetic_app.mod%d" % index
    module = types.ModuleType(name)
    source = _module_source(rng, rng.randrange(3, 8))
    exec(compile(source, "<%s>" % name, "exec"), module.__dict__)
    built = sys.getsizeof(source) * 3  # code objects, bytecode and constants: a rough share

    classes = [value for key, value in module.__dict__.items() if key.startswith("Model")]
    instances = []
    for cls in classes:
        for _ in range(rng.randrange(20, 60)):
            fields = {field: rng.choice((rng.randrange(1 << 40), _name(rng, 2), rng.random(), None, True))
                      for field in cls.fields}
            fields["id"] = rng.randrange(1 << 30)
            fields["tags"] = [_name(rng, 1) for _ in range(rng.randrange(0, 4))]
            instance = cls(**fields)
            instances.append(instance)
            built += sys.getsizeof(instance) + sys.getsizeof(instance.__dict__) + 60 * len(fields)
    module.objects = instances
    REGISTRY.update(("%s.%s" % (name, cls.__name__), cls) for cls in classes)

    for _ in range(rng.randrange(5, 20)):
        pattern = "^%s/(?P<pk>[0-9]+)/%s/$" % (_name(rng, 1), _name(rng, 1))
        URLS.append((pattern, module.view, {"name": _name(rng, 2)}))
        built += 300

    catalog = {_name(rng, 2): _name(rng, 4) for _ in range(rng.randrange(50, 200))}
    CATALOG[name] = catalog  # str -> str only: the dict stays untracked
    built += sys.getsizeof(catalog) + 130 * len(catalog)

    text = " ".join(_name(rng, 3) for _ in range(rng.randrange(50, 400)))
    TEMPLATES.append(text)
    TEMPLATES.append(text.encode("utf-8"))
    built += 2 * sys.getsizeof(text)

    SETTINGS[name] = {"DEBUG": False, "RETRIES": rng.randrange(10),
                      "BACKENDS": [_name(rng, 2) for _ in range(4)],
                      "OPTIONS": {"timeout": rng.random() * 10, "hosts": (_name(rng, 1), _name(rng, 1))}}
    built += 1200
    return module, built


def _build():
    budget = _size_budget()
    rng = random.Random(int(os.environ.get(SEED_ENV, "2017")))
    built = 0
    index = 0
    while built < budget:
        module, size = _build_module(rng, index)
        MODULES.append(module)
        built += size
        index += 1
    return built


BUILT_BYTES = _build()
