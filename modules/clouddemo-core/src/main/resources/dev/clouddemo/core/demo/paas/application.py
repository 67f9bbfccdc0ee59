"""The clouddemo demo page as a Flask app, for the paas model (AWS Elastic Beanstalk's Python platform).

Beanstalk's Python platform serves the WSGI callable named ``application`` in ``application.py``
(through gunicorn behind nginx); ``python application.py`` runs it locally on port 8000.
"""
import html
import socket

from flask import Flask

application = Flask(__name__)

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>clouddemo</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f5f7fa; color: #1f2933; }
    main { max-width: 40rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }
    h1 { color: #0b6e99; }
    table { border-collapse: collapse; margin: 1rem 0; }
    th, td { text-align: left; padding: 0.3rem 1rem 0.3rem 0; border-bottom: 1px solid #e4e7eb; }
    code { background: #eef2f6; padding: 0.1rem 0.3rem; border-radius: 4px; }
  </style>
</head>
<body>
  <main>
    <h1>Hello from clouddemo</h1>
    <p class="model">Service model: <strong>platform app</strong></p>
    <p>This page is rendered by a Flask application on a managed platform: you hand over your
       code, and the provider runs the servers, the operating system, the web server and the
       runtime for you. You pay for the instance it runs on while it runs.</p>
    <table>
      <tr><th>model</th><th>you manage</th></tr>
      <tr><td>static (SaaS-like)</td><td>the files</td></tr>
      <tr><td>faas</td><td>a function</td></tr>
      <tr><td>paas</td><td>an application</td></tr>
      <tr><td>iaas</td><td>a whole virtual machine</td></tr>
    </table>
    <p class="host">Served by instance <code>{host}</code></p>
  </main>
</body>
</html>
"""


@application.route("/")
def index():
    body = PAGE.replace("{host}", html.escape(socket.gethostname()))
    return body, 200, {"Content-Type": "text/html; charset=utf-8"}


@application.route("/health")
def health():
    return {"status": "ok"}


if __name__ == "__main__":
    application.run(host="127.0.0.1", port=8000)
