"""The clouddemo demo page, served by a Cloud Run function (Cloud Functions 2nd gen) over HTTP.

The Python runtime runs this file under functions-framework: the function named by the
deployment's entry point (``hello``) gets a Flask request and returns the body, status and
headers. Run it locally the same way:
``functions-framework --source main.py --target hello --port 8080``.
"""
import html
import pathlib

import functions_framework

# The demo page (index.html, written beside this file by clouddemo), read once per instance start.
PAGE = (pathlib.Path(__file__).parent / "index.html").read_text(encoding="utf-8")

NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clouddemo: not found</title></head>
<body><h1>404: not found</h1><p>Nothing at <code>{path}</code>; the demo page is at <a href="/">/</a>.</p></body>
</html>
"""

HTML = "text/html; charset=utf-8"


@functions_framework.http
def hello(request):
    if request.method not in ("GET", "HEAD"):
        return "method not allowed\n", 405, {"Content-Type": "text/plain; charset=utf-8", "Allow": "GET, HEAD"}
    if request.path not in ("/", "/index.html"):
        return NOT_FOUND.format(path=html.escape(request.path)), 404, {"Content-Type": HTML}
    return PAGE, 200, {"Content-Type": HTML, "Cache-Control": "no-cache"}
