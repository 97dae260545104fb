"""A Django 3.2 shop used as a calibration fixture: admin, DRF and several hundred URL patterns."""
