"""The clouddemo demo page, served by an Azure Function App (Flex Consumption) over HTTP.

The Python v2 programming model: the Functions host imports this file and finds the HTTP function
``hello`` on ``app``, served at ``https://<app host>/api/hello``. Its auth level comes from the app
setting ``CLOUDDEMO_AUTH_LEVEL`` that clouddemo sets: ``ANONYMOUS`` (anyone with the URL), or
``FUNCTION`` with ``--private`` (a function key in ``?code=`` or the ``x-functions-key`` header).
"""
import os
import pathlib

import azure.functions as func

# The demo page (index.html, written beside this file by clouddemo), read once per instance start.
PAGE = (pathlib.Path(__file__).parent / "index.html").read_text(encoding="utf-8")

HTML = "text/html; charset=utf-8"

app = func.FunctionApp(http_auth_level=func.AuthLevel[os.environ.get("CLOUDDEMO_AUTH_LEVEL", "ANONYMOUS")])


@app.route(route="hello", methods=["GET", "HEAD"])
def hello(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(PAGE, status_code=200, headers={"Content-Type": HTML, "Cache-Control": "no-cache"})
