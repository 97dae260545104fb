"""The shop's own pages and JSON API."""
from flask import Blueprint, abort, jsonify, render_template, request

from flaskshop.extensions import db
from flaskshop.models import Category, Order, OrderLine, Product

bp = Blueprint("shop", __name__)


@bp.get("/health")
def health():
    return "ok"


@bp.get("/products/")
def product_list():
    page = db.paginate(db.select(Product).order_by(Product.id), per_page=20)
    return render_template("product_list.html", page=page, title="Products")


@bp.get("/products/<int:pk>/")
def product_detail(pk):
    return render_template("product_detail.html", product=db.get_or_404(Product, pk))


@bp.get("/categories/<slug>/")
def category(slug):
    found = db.session.execute(db.select(Category).filter_by(slug=slug)).scalar_one_or_none() or abort(404)
    page = db.paginate(db.select(Product).filter_by(category_id=found.id).order_by(Product.id), per_page=20)
    return render_template("product_list.html", page=page, title=found.name)


@bp.get("/search/")
def search():
    query = request.args.get("q", "")
    products = db.session.execute(
        db.select(Product).filter(Product.name.contains(query)).limit(50)).scalars().all()
    return render_template("search.html", query=query, products=products)


@bp.get("/api/products/")
def api_products():
    page = db.paginate(db.select(Product).order_by(Product.id), per_page=20)
    return jsonify(count=page.total, results=[product.as_dict() for product in page.items])


@bp.get("/api/products/<int:pk>/")
def api_product(pk):
    return jsonify(db.get_or_404(Product, pk).as_dict())


@bp.post("/api/orders/")
def api_create_order():
    data = request.get_json(force=True)
    lines = data.get("lines") or abort(400)
    order = Order(customer_id=int(data["customer"]), note=str(data.get("note", ""))[:200])
    for line in lines:
        db.get_or_404(Product, int(line["product"]))
        order.lines.append(OrderLine(product_id=int(line["product"]), quantity=int(line["quantity"])))
    db.session.add(order)
    db.session.commit()
    return jsonify(id=order.id, lines=len(order.lines)), 201
