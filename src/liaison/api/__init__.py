"""The HTTP API (/api/v1/): one NinjaAPI, each record family's routes in its app's api.py."""
