"""Creates and fills the fixture database once, in the process that imports the app."""
from django.core.management import call_command
from django.db import connections


def prepare():
    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    from shop import seed
    seed.fill()
    # A connection opened before fork must not be shared by workers.
    connections.close_all()
