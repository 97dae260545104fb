"""Eleven routes per catalogue table (HTML and JSON list, detail, create, update, delete, export...),
about 400 routes in all, as a large Flask app registers."""
from flask import Blueprint, abort, jsonify, render_template, request

from flaskshop.extensions import db
from flaskshop.models import CATALOGUE_MODELS


def _routes_for(model):
    name = model.__tablename__
    bp = Blueprint(name, __name__, url_prefix=f"/catalogue/{name}")

    def rows(limit=50):
        return db.session.execute(db.select(model).order_by(model.rank, model.id).limit(limit)).scalars().all()

    @bp.get("/")
    def html_list():
        return render_template("catalogue_list.html", name=name, rows=rows())

    @bp.get("/<int:pk>/")
    def html_detail(pk):
        return render_template("catalogue_detail.html", name=name, row=db.get_or_404(model, pk))

    @bp.get("/api/")
    def json_list():
        return jsonify([row.as_dict() for row in rows()])

    @bp.get("/api/<int:pk>/")
    def json_detail(pk):
        return jsonify(db.get_or_404(model, pk).as_dict())

    @bp.post("/api/")
    def json_create():
        data = request.get_json(force=True)
        row = model(code=str(data["code"]), title=str(data.get("title", "")))
        db.session.add(row)
        db.session.commit()
        return jsonify(row.as_dict()), 201

    @bp.put("/api/<int:pk>/")
    def json_update(pk):
        row = db.get_or_404(model, pk)
        row.title = str(request.get_json(force=True).get("title", row.title))
        db.session.commit()
        return jsonify(row.as_dict())

    @bp.delete("/api/<int:pk>/")
    def json_delete(pk):
        db.session.delete(db.get_or_404(model, pk))
        db.session.commit()
        return "", 204

    @bp.get("/api/count/")
    def json_count():
        return jsonify(count=db.session.query(model).count())

    @bp.get("/api/active/")
    def json_active():
        return jsonify([row.as_dict() for row in rows() if row.active])

    @bp.get("/export.csv")
    def export_csv():
        lines = [f"{row.id},{row.code},{row.title}" for row in rows(1000)]
        return "\n".join(lines), 200, {"Content-Type": "text/csv"}

    @bp.get("/search/")
    def search():
        query = request.args.get("q") or abort(400)
        found = db.session.execute(db.select(model).filter(model.title.contains(query))).scalars().all()
        return jsonify([row.as_dict() for row in found])

    return bp


def register(app):
    for model in CATALOGUE_MODELS:
        app.register_blueprint(_routes_for(model))
