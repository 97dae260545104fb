"""Fills the fixture database with a deterministic catalogue."""
from decimal import Decimal

from shop import models


def fill():
    if models.Category.objects.exists():
        return
    # bulk_create does not return sqlite primary keys in Django 3.2, and products need them.
    categories = [models.Category.objects.create(name=f"Category {i}", slug=f"category-{i}") for i in range(12)]
    models.Product.objects.bulk_create(
        models.Product(name=f"Product {i}", description="A fine product. " * (i % 7 + 1),
                       price=Decimal(i % 90 + 10) / 4, stock=i % 31, category=categories[i % 12])
        for i in range(600))
    models.Customer.objects.bulk_create(
        models.Customer(email=f"customer{i}@example.com", name=f"Customer {i}", city=f"City {i % 40}")
        for i in range(200))
    for model in models.CATALOGUE_MODELS:
        model.objects.bulk_create(
            model(code=f"{model.__name__.lower()}-{i}", title=f"{model.__name__} {i}", notes="note " * (i % 5))
            for i in range(25))
