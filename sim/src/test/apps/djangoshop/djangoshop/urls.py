"""URL patterns: the admin (one set per registered model), a DRF router over every model and the HTML shop."""
from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from shop import api, views
from shop.models import CATALOGUE_MODELS

router = DefaultRouter()
router.register("products", api.ProductViewSet)
router.register("orders", api.OrderViewSet)
router.register("customers", api.CustomerViewSet)
for model in CATALOGUE_MODELS:
    router.register(model._meta.model_name, api.viewset_for(model))

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("health/", views.health),
    path("products/", views.product_list),
    path("products/<int:pk>/", views.product_detail),
    path("categories/<slug:slug>/", views.category),
    path("search/", views.search),
]
for model in CATALOGUE_MODELS:
    name = model._meta.model_name
    urlpatterns.append(path(f"catalogue/{name}/", views.catalogue_list, {"model": model}))
    urlpatterns.append(path(f"catalogue/{name}/<int:pk>/", views.catalogue_detail, {"model": model}))
