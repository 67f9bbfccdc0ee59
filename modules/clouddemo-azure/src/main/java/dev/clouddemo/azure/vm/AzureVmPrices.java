package dev.clouddemo.azure.vm;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.PriceTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hourly prices of a VM size in a location, Linux, pay-as-you-go and Spot: live from the Azure
 * Retail Prices API (public, no sign-in), else from the dated table packaged from
 * {@code config/azure-vm-prices.csv} (its spot column; the API's Spot items carry the size name plus {@code " Spot"}, as the
 * API's {@code skuName} does). Either way each price says its date and source.
 */
final class AzureVmPrices {
    static final String TABLE_FILE = "azure-vm-prices.csv";
    static final String SPOT = " Spot";
    static final String LIVE_SOURCE = "Azure Retail Prices API";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_PAGES = 5;

    /** The two prices and, when the table answered, why the API did not. */
    record Quote(Optional<Price> onDemand, Optional<Price> spot, Optional<String> offlineBecause) {
    }

    private final URI api;

    AzureVmPrices(URI api) {
        this.api = api;
    }

    static PriceTable table() {
        return Table.TABLE;
    }

    private static final class Table {
        static final PriceTable TABLE = PriceTable.load(AzureVmPrices.class, TABLE_FILE);
    }

    Quote quote(String location, String size) {
        try {
            return live(location, size);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Quote(table().price(location, size), table().spotPrice(location, size), Optional.of(why));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Quote(table().price(location, size), table().spotPrice(location, size), Optional.of("interrupted"));
        }
    }

    private Quote live(String location, String size) throws IOException, InterruptedException {
        String filter = "serviceName eq 'Virtual Machines' and armRegionName eq '" + location + "' and armSkuName eq '"
                + size + "' and priceType eq 'Consumption'";
        URI next = URI.create(api + "?currencyCode=USD&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        BigDecimal onDemand = null;
        BigDecimal spot = null;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(next).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the Retail Prices API answered HTTP " + response.statusCode());
            }
            Map<?, ?> body;
            try {
                body = (Map<?, ?>) Json.parse(response.body());
            } catch (Json.ParseException e) {
                throw new IOException("the Retail Prices API answered something that is not JSON", e);
            }
            for (Object o : (List<?>) body.get("Items")) {
                Map<?, ?> item = (Map<?, ?>) o;
                if (!linuxHourly(item, size)) {
                    continue;
                }
                BigDecimal price = new BigDecimal(String.valueOf(item.get("retailPrice")));
                if (String.valueOf(item.get("skuName")).endsWith(SPOT)) {
                    spot = spot == null ? price : spot.min(price);
                } else {
                    onDemand = onDemand == null ? price : onDemand.min(price);
                }
            }
            Object link = body.get("NextPageLink");
            next = link == null || String.valueOf(link).isBlank() ? null : URI.create(String.valueOf(link));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Quote(Optional.ofNullable(onDemand).map(p -> new Price(p, today, LIVE_SOURCE)),
                Optional.ofNullable(spot).map(p -> new Price(p, today, LIVE_SOURCE)), Optional.empty());
    }

    /** A Linux pay-as-you-go or Spot price per hour in USD: no Windows, no Low Priority, no reservation. */
    static boolean linuxHourly(Map<?, ?> item, String size) {
        String product = String.valueOf(item.get("productName"));
        String sku = String.valueOf(item.get("skuName"));
        return size.equals(item.get("armSkuName")) && "Consumption".equals(item.get("type"))
                && "USD".equals(item.get("currencyCode")) && "1 Hour".equals(item.get("unitOfMeasure"))
                && !product.contains("Windows") && !sku.contains("Low Priority") && item.get("retailPrice") != null;
    }
}
