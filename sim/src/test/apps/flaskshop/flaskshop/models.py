"""Forty tables: a few written out for the shop, the rest a generated catalogue of reference data."""
from datetime import datetime

from flaskshop.extensions import db


class Category(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False)
    slug = db.Column(db.String(80), unique=True, nullable=False)


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    description = db.Column(db.Text, default="")
    price_cents = db.Column(db.Integer, nullable=False)
    stock = db.Column(db.Integer, default=0)
    category_id = db.Column(db.Integer, db.ForeignKey("category.id"), nullable=False)
    category = db.relationship(Category, backref="products")

    def as_dict(self):
        return {"id": self.id, "name": self.name, "price": self.price_cents / 100,
                "stock": self.stock, "category": self.category.slug}


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("customer.id"), nullable=False)
    created = db.Column(db.DateTime, default=datetime.utcnow)
    note = db.Column(db.String(200), default="")
    lines = db.relationship("OrderLine", backref="order", cascade="all, delete-orphan")


class OrderLine(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.Integer, db.ForeignKey("order.id"), nullable=False)
    product_id = db.Column(db.Integer, db.ForeignKey("product.id"), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)


CATALOGUE_NAMES = [
    "Supplier", "Warehouse", "Carrier", "Region", "Currency", "TaxRate", "Coupon", "GiftCard",
    "Brand", "Colour", "Size", "Material", "Review", "Wishlist", "Banner", "Page", "FaqEntry",
    "Store", "Shelf", "Promotion", "Bundle", "Attribute", "AttributeValue", "Shipment", "Parcel",
    "ReturnRequest", "Refund", "Invoice", "PaymentMethod", "Newsletter", "Subscriber", "Ticket",
    "Vendor", "PriceList", "Voucher",
]


def _catalogue_model(name):
    def as_dict(self):
        return {"id": self.id, "code": self.code, "title": self.title, "rank": self.rank, "active": self.active}

    return type(name, (db.Model,), {
        "id": db.Column(db.Integer, primary_key=True),
        "code": db.Column(db.String(32), unique=True, nullable=False),
        "title": db.Column(db.String(120), nullable=False),
        "notes": db.Column(db.Text, default=""),
        "rank": db.Column(db.Integer, default=0),
        "active": db.Column(db.Boolean, default=True),
        "updated": db.Column(db.DateTime, default=datetime.utcnow, onupdate=datetime.utcnow),
        "as_dict": as_dict,
    })


CATALOGUE_MODELS = [_catalogue_model(name) for name in CATALOGUE_NAMES]
