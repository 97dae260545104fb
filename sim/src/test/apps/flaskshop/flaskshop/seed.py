"""Fills the fixture database with a deterministic catalogue."""
from flaskshop.extensions import db
from flaskshop.models import CATALOGUE_MODELS, Category, Customer, Product


def fill():
    if db.session.query(Category).count():
        return
    categories = [Category(name=f"Category {i}", slug=f"category-{i}") for i in range(12)]
    db.session.add_all(categories)
    db.session.add_all(
        Product(name=f"Product {i}", description="A fine product. " * (i % 7 + 1), price_cents=(i % 90 + 10) * 25,
                stock=i % 31, category=categories[i % 12])
        for i in range(600))
    db.session.add_all(Customer(email=f"customer{i}@example.com", name=f"Customer {i}") for i in range(200))
    for model in CATALOGUE_MODELS:
        db.session.add_all(
            model(code=f"{model.__tablename__}-{i}", title=f"{model.__name__} {i}", notes="note " * (i % 5), rank=i)
            for i in range(25))
    db.session.commit()
