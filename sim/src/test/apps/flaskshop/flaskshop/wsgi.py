"""WSGI entry point: `flaskshop.wsgi:application`.

Importing it creates the sqlite database in a private temporary folder (or FLASKSHOP_DB), fills it,
and disposes of the engine's connections so that each forked worker opens its own.
"""
import atexit
import os
import shutil
import tempfile

from flask import Flask

from flaskshop import catalogue, seed, shop
from flaskshop.extensions import db


def _private_database():
    folder = tempfile.mkdtemp(prefix="flaskshop-")
    owner = os.getpid()
    # Forked workers run atexit too; only the importing process owns the folder.
    atexit.register(lambda: os.getpid() == owner and shutil.rmtree(folder, ignore_errors=True))
    return os.path.join(folder, "shop.sqlite3")


_DB_PATH = os.environ.get("FLASKSHOP_DB") or _private_database()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + _DB_PATH
    # Workers write orders concurrently; wait for the lock rather than fail.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"timeout": 20}}
    db.init_app(app)
    app.register_blueprint(shop.bp)
    catalogue.register(app)
    with app.app_context():
        db.create_all()
        seed.fill()
        db.session.remove()
        db.engine.dispose()
    return app


application = create_app()
