"""HTML pages of the shop, rendered with Django templates."""
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from shop.models import Category, Product


def health(request):
    return HttpResponse("ok", content_type="text/plain")


def product_list(request):
    page = Paginator(Product.objects.select_related("category"), 20).get_page(request.GET.get("page"))
    return render(request, "shop/product_list.html", {"page": page})


def product_detail(request, pk):
    product = get_object_or_404(Product.objects.select_related("category"), pk=pk)
    return render(request, "shop/product_detail.html", {"product": product})


def category(request, slug):
    found = get_object_or_404(Category, slug=slug)
    return render(request, "shop/product_list.html",
                  {"page": Paginator(found.products.all(), 20).get_page(1), "category": found})


def search(request):
    query = request.GET.get("q", "")
    products = Product.objects.filter(name__icontains=query)[:50]
    return render(request, "shop/search.html", {"query": query, "products": products})


def catalogue_list(request, model):
    rows = model.objects.all()[:50]
    return render(request, "shop/catalogue_list.html", {"name": model._meta.verbose_name_plural, "rows": rows})


def catalogue_detail(request, pk, model):
    row = get_object_or_404(model, pk=pk)
    return render(request, "shop/catalogue_detail.html", {"name": model._meta.verbose_name, "row": row})
