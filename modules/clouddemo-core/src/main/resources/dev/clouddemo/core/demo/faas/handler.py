"""The clouddemo demo page, served by an AWS Lambda function through its function URL.

A function URL hands the handler an HTTP request (payload format 2.0: ``rawPath``,
``requestContext.http.method``, ``headers``) and turns the returned dict into the HTTP response.
Invoked directly (``aws lambda invoke``) the event has none of these: the page is served too.
"""
import html

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>clouddemo</title>
  <style>
    body {{ font-family: system-ui, sans-serif; margin: 0; background: #f5f7fa; color: #1f2933; }}
    main {{ max-width: 40rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }}
    h1 {{ color: #0b6e99; }}
    table {{ border-collapse: collapse; margin: 1rem 0; }}
    th, td {{ text-align: left; padding: 0.3rem 1rem 0.3rem 0; border-bottom: 1px solid #e4e7eb; }}
    code {{ background: #eef2f6; padding: 0.1rem 0.3rem; border-radius: 4px; }}
  </style>
</head>
<body>
  <main>
    <h1>Hello from clouddemo</h1>
    <p class="model">Service model: <strong>serverless function</strong></p>
    <p>This page is returned by a function that runs only while it answers a request: no server
       of yours waits in between, you pay per request and per millisecond of run time, and the
       provider manages everything else.</p>
    <table>
      <tr><th>model</th><th>you manage</th></tr>
      <tr><td>static (SaaS-like)</td><td>the files</td></tr>
      <tr><td>faas</td><td>a function</td></tr>
      <tr><td>paas</td><td>an application</td></tr>
      <tr><td>iaas</td><td>a whole virtual machine</td></tr>
    </table>
    <p class="host">Served by <code>{host}</code>, request <code>{request_id}</code></p>
  </main>
</body>
</html>
"""

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
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}

    if method not in ("GET", "HEAD"):
        return {"statusCode": 405, "headers": {"content-type": "text/plain; charset=utf-8", "allow": "GET, HEAD"},
                "body": "method not allowed\n"}
    if path not in ("/", "/index.html"):
        return {"statusCode": 404, "headers": {"content-type": HTML},
                "body": NOT_FOUND.format(path=html.escape(path))}
    body = PAGE.format(host=html.escape(headers.get("host", "lambda")),
                       request_id=html.escape(getattr(context, "aws_request_id", "local")))
    return {"statusCode": 200, "headers": {"content-type": HTML, "cache-control": "no-cache"},
            "body": "" if method == "HEAD" else body}
