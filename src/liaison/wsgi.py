"""WSGI entry point for gunicorn: `gunicorn liaison.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liaison.settings")
application = get_wsgi_application()

# What the process loaded to serve (modules, URL maps, models) lives as long as the process:
# frozen out of the cyclic garbage collector, whose full passes would otherwise walk it all
# again and again (about 100 ms, every few dozen requests).
gc.collect()
gc.freeze()
