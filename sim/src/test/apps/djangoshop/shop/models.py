"""The shop's models: a handful written out, plus a catalogue of generated reference tables so the app
loads as many model classes, admin pages and API routes as a mid-sized production project."""
from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)

    def __str__(self):
        return self.name


class Product(models.Model):
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=9, decimal_places=2)
    stock = models.IntegerField(default=0)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="products")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Customer(models.Model):
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=120)
    city = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["id"]


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    created = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-id"]


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()


CATALOGUE_NAMES = [
    "Supplier", "Warehouse", "Carrier", "Region", "Currency", "TaxRate", "Coupon", "GiftCard",
    "Brand", "Colour", "Size", "Material", "Review", "Wishlist", "Banner", "Page", "FaqEntry",
    "Store", "Shelf", "Promotion", "Bundle", "Attribute", "AttributeValue", "Shipment", "Parcel",
    "ReturnRequest", "Refund", "Invoice", "PaymentMethod", "Newsletter", "Subscriber", "Ticket",
    "Vendor", "PriceList", "Voucher",
]


def _catalogue_model(name, position):
    attrs = {
        "__module__": __name__,
        "code": models.CharField(max_length=32, unique=True),
        "title": models.CharField(max_length=120),
        "notes": models.TextField(blank=True),
        "rank": models.IntegerField(default=position),
        "active": models.BooleanField(default=True),
        "updated": models.DateTimeField(auto_now=True),
        "Meta": type("Meta", (), {"ordering": ["rank", "id"]}),
        "__str__": lambda self: self.title,
    }
    return type(name, (models.Model,), attrs)


CATALOGUE_MODELS = [_catalogue_model(name, i) for i, name in enumerate(CATALOGUE_NAMES)]
globals().update({model.__name__: model for model in CATALOGUE_MODELS})
