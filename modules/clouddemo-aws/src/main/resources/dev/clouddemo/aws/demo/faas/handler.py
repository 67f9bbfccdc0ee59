"""The clouddemo demo page, served by an AWS Lambda function through its function URL.

A function URL hands the handler an HTTP request (payload format 2.0: ``rawPath``,
``requestContext.http.method``, ``headers``) and turns the returned dict into the HTTP response.
Invoked directly (``aws lambda invoke``) the event has none of these: the page is served too.
"""
import html
import pathlib

# The demo page (index.html, written beside this handler by clouddemo), read once per cold start.
PAGE = (pathlib.Path(__file__).parent / "index.html").read_text(encoding="utf-8")

NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clouddemo: not found</title></head>
<body><h1>404: not found</h1><p>Nothing at <code>{path}</code>; the demo page is at <a href="/">/</a>.</p></body>
</html>
"""

HTML = "text/html; charset=utf-8"


def lambda_handler(event, context):
    event = event if isinstance(event, dict) else {}
    http = (event.get("requestContext") or {}).get("http") or {}
    method = (http.get("method") or "GET").upper()
    path = event.get("rawPath") or http.get("path") or "/"

    if method not in ("GET", "HEAD"):
        return {"statusCode": 405, "headers": {"content-type": "text/plain; charset=utf-8", "allow": "GET, HEAD"},
                "body": "method not allowed\n"}
    if path not in ("/", "/index.html"):
        return {"statusCode": 404, "headers": {"content-type": HTML},
                "body": NOT_FOUND.format(path=html.escape(path))}
    body = PAGE
    return {"statusCode": 200, "headers": {"content-type": HTML, "cache-control": "no-cache"},
            "body": "" if method == "HEAD" else body}
