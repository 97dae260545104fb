from django.contrib import admin

from shop import models

admin.site.register(models.Category, prepopulated_fields={"slug": ["name"]})
admin.site.register(models.Product, list_display=["name", "price", "stock", "category"], search_fields=["name"])
admin.site.register(models.Customer, search_fields=["email"])
admin.site.register(models.Order)
admin.site.register(models.OrderLine)
for model in models.CATALOGUE_MODELS:
    admin.site.register(model, list_display=["code", "title", "rank", "active"])
