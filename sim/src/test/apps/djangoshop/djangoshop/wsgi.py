"""WSGI entry point: `djangoshop.wsgi:application`.

Importing it builds the schema and the catalogue, then closes the database connection so that
each forked worker opens its own.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoshop.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

from djangoshop import database  # noqa: E402

database.prepare()
