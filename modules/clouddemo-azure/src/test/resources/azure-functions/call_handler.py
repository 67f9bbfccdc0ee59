"""Imports function_app.py from the working folder as the Functions host's Python worker would, describes
its functions (name, route, auth level, methods) and calls `hello` with a GET, printing one JSON line."""
import json, os, sys
sys.path.insert(0, os.getcwd())
import azure.functions as func
import function_app
functions = function_app.app.get_functions()
described = []
for f in functions:
    t = f.get_trigger()
    described.append({"name": f.get_function_name(), "route": t.route,
                      "auth": getattr(t.auth_level, "value", str(t.auth_level)),
                      "methods": [getattr(m, "value", str(m)) for m in (t.methods or [])]})
hello = [f for f in functions if f.get_function_name() == "hello"][0]
response = hello.get_user_function()(func.HttpRequest(method="GET", url="/api/hello", params={}, body=b""))
print(json.dumps({"functions": described, "status": response.status_code,
                  "contentType": response.headers.get("Content-Type"), "body": response.get_body().decode("utf-8")}))
