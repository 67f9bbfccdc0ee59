package dev.clouddemo.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.RecordedCall;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The HTTP client the provider is given in tests: every request it sends leaves through here, so
 * this is where calls are recorded (Resource Manager's and the blob service's alike). Requests to
 * the Resource Manager fake are sent over plain HTTP to its port: the profile names
 * {@code https://127.0.0.1:PORT/}, so the production pipeline, bearer token included, runs unchanged.
 */
final class AzureRecordingHttpClient implements HttpClient, CallRecorder {
    /** POSTs that only read (Resource Manager's name check and key listing). */
    private static final Set<String> READING_POSTS = Set.of("listKeys", "checkNameAvailability");

    /** App Service's read of a Web App's settings: a POST, but it writes nothing. */
    private static final String APP_SETTINGS_LIST = "/config/appsettings/list";

    private final HttpClient delegate;
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicReference<Runnable> afterNextWrite = new AtomicReference<>();
    private volatile int plainHttpPort = -1;

    AzureRecordingHttpClient() {
        this(HttpClient.createDefault());
    }

    /** Over another client (one that trusts an emulator's own certificate, say). */
    AzureRecordingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** Requests to https://127.0.0.1:{port} go to http://127.0.0.1:{port} (the fake). */
    void plainHttpOn(int port) {
        this.plainHttpPort = port;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return send(request, Context.NONE);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        RecordedCall call = record(request);
        return delegate.send(rewrite(request), context).map(response -> asSent(request, response))
                .doOnNext(response -> afterWrite(call, response));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        RecordedCall call = record(request);
        HttpResponse response = asSent(request, delegate.sendSync(rewrite(request), context));
        afterWrite(call, response);
        return response;
    }

    /** Where a Function App's own hosts live in Azure: in tests, under the fake's {@code /__host/<host>}. */
    static final String APP_DOMAIN = ".azurewebsites.net";

    private HttpRequest rewrite(HttpRequest request) {
        URL url = request.getUrl();
        if (plainHttpPort > 0 && url.getHost().endsWith(APP_DOMAIN)) {
            try {
                return request.copy().setUrl(new URL("http", "127.0.0.1", plainHttpPort, ArmFake.HOST_PREFIX + url.getHost() + url.getFile()));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        if ("https".equals(url.getProtocol()) && url.getPort() == plainHttpPort) {
            try {
                // a copy: the pipeline's retry sends the same request again, which must still say https
                return request.copy().setUrl(new URL("http", url.getHost(), url.getPort(), url.getFile()));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return request;
    }

    /**
     * The response as an answer to the request the pipeline sent (https), not to the rewritten copy:
     * a long-running operation's final GET goes to the URL of the response's request.
     */
    private static HttpResponse asSent(HttpRequest sent, HttpResponse response) {
        if (response.getRequest() == sent) {
            return response;
        }
        return new HttpResponse(sent) {
            @Override
            public int getStatusCode() {
                return response.getStatusCode();
            }

            @Override
            @Deprecated
            public String getHeaderValue(String name) {
                return response.getHeaderValue(name);
            }

            @Override
            public com.azure.core.http.HttpHeaders getHeaders() {
                return response.getHeaders();
            }

            @Override
            public reactor.core.publisher.Flux<java.nio.ByteBuffer> getBody() {
                return response.getBody();
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return response.getBodyAsByteArray();
            }

            @Override
            public Mono<String> getBodyAsString() {
                return response.getBodyAsString();
            }

            @Override
            public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
                return response.getBodyAsString(charset);
            }

            @Override
            public com.azure.core.util.BinaryData getBodyAsBinaryData() {
                return response.getBodyAsBinaryData();
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    private synchronized RecordedCall record(HttpRequest request) {
        URL url = request.getUrl();
        String path = url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        boolean arm = url.getPort() == plainHttpPort;
        boolean app = url.getHost().endsWith(APP_DOMAIN);
        HttpMethod method = request.getHttpMethod();
        boolean write = switch (method) {
            case GET, HEAD, OPTIONS -> false;
            case POST -> !READING_POSTS.contains(last) && !path.endsWith(APP_SETTINGS_LIST);
            default -> true;
        };
        String query = url.getQuery() == null ? "" : url.getQuery().replaceAll("(^|&)(sv|sig|se|sp|api-version)=[^&]*", "");
        RecordedCall call = new RecordedCall(arm ? "arm" : app ? "app" : "blob", method + " " + (app ? url.getHost() : "") + path + (query.isBlank() ? "" : "?" + query), write);
        calls.add(call);
        if (arm) {
            authorizations.add(String.valueOf(request.getHeaders().getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION)));
        }
        return call;
    }

    private void afterWrite(RecordedCall call, HttpResponse response) {
        if (call.write() && response.getStatusCode() < 400) {
            Runnable action = afterNextWrite.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
    }

    /** The Authorization header of every Resource Manager request, in order. */
    synchronized List<String> armAuthorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public synchronized long mark() {
        return calls.size();
    }

    @Override
    public synchronized List<RecordedCall> since(long mark) {
        return List.copyOf(calls.subList((int) mark, calls.size()));
    }

    @Override
    public void afterNextWrite(Runnable action) {
        afterNextWrite.set(action);
    }

    @Override
    public void clearAfterNextWrite() {
        afterNextWrite.set(null);
    }
}
