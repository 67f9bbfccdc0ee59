def handle(request):
    return open("index.html").read()
