"""App Engine's default entrypoint serves ``app`` from ``main.py``: the demo Flask app of application.py."""
from application import application as app  # noqa: F401
