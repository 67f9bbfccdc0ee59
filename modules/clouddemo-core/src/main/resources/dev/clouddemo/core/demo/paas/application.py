"""The clouddemo demo page as a Flask app, for the paas model (a cloud's Python app platform).

The platform serves the WSGI callable named ``application`` in ``application.py``
(through gunicorn behind nginx); ``python application.py`` runs it locally on port 8000.
"""
import pathlib

from flask import Flask

application = Flask(__name__)

# The demo page (index.html, written beside this app by clouddemo), read once at start-up.
PAGE = (pathlib.Path(__file__).parent / "index.html").read_text(encoding="utf-8")


@application.route("/")
def index():
    return PAGE, 200, {"Content-Type": "text/html; charset=utf-8"}


@application.route("/health")
def health():
    return {"status": "ok"}


if __name__ == "__main__":
    application.run(host="127.0.0.1", port=8000)
