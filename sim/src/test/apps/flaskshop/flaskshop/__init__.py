"""A Flask 2.2 + Flask-SQLAlchemy shop used as a calibration fixture: 40 models, about 400 routes,
Jinja templates and a sqlite database made at import."""
