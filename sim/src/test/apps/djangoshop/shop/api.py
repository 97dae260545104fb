"""The REST API: hand-written serializers for the shop, generated ones for the catalogue."""
from django.db import transaction
from rest_framework import serializers, viewsets

from shop.models import Customer, Order, OrderLine, Product


class ProductSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Product
        fields = ["id", "name", "price", "stock", "category"]


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "email", "name", "city"]


class OrderLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderLine
        fields = ["product", "quantity"]


class OrderSerializer(serializers.ModelSerializer):
    lines = OrderLineSerializer(many=True)

    class Meta:
        model = Order
        fields = ["id", "customer", "created", "note", "lines"]

    def create(self, validated_data):
        lines = validated_data.pop("lines")
        with transaction.atomic():
            order = Order.objects.create(**validated_data)
            OrderLine.objects.bulk_create(OrderLine(order=order, **line) for line in lines)
        return order


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.select_related("category")
    serializer_class = ProductSerializer


class CustomerViewSet(viewsets.ModelViewSet):
    queryset = Customer.objects.all()
    serializer_class = CustomerSerializer


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.prefetch_related("lines")
    serializer_class = OrderSerializer


def viewset_for(model):
    meta = type("Meta", (), {"model": model, "fields": "__all__"})
    serializer = type(model.__name__ + "Serializer", (serializers.ModelSerializer,), {"Meta": meta})
    return type(model.__name__ + "ViewSet", (viewsets.ModelViewSet,),
                {"queryset": model.objects.all(), "serializer_class": serializer})
