package dev.beckon.bench.ingest;

import java.util.StringJoiner;

/**
 * A Shopify {@code orders/create} body of realistic size (about 5 KB: five lines, addresses, customer), shaped like
 * the 2026-07 reference sample. Each call gives a new order id and checkout token.
 */
final class OrdersCreateBody {

    private OrdersCreateBody() {
    }

    static String of(long orderId) {
        StringJoiner lines = new StringJoiner(",");
        for (int i = 0; i < 5; i++) {
            lines.add("""
                    {"id":%d,"admin_graphql_api_id":"gid://shopify/LineItem/%d","product_id":788032119674292922,\
                    "variant_id":39072856,"quantity":%d,"sku":"SKU2006-00%d","title":"Aviator sunglasses, model %d",\
                    "variant_title":"Gold / Polarised","vendor":"Acme Eyewear","price":"89.99","total_discount":"0.00",\
                    "requires_shipping":true,"taxable":true,"gift_card":false,"fulfillment_status":null,\
                    "properties":[],"tax_lines":[{"title":"State Tax","price":"5.40","rate":0.06}]}"""
                    .formatted(orderId * 10 + i, orderId * 10 + i, 1 + i % 2, i, i));
        }
        String address = """
                {"first_name":"Ann","last_name":"Lee","address1":"151 O'Connor Street","address2":"Apt 4",\
                "city":"Ottawa","province":"Ontario","country":"Canada","zip":"K2P 2L8","phone":"+16135550135",\
                "province_code":"ON","country_code":"CA","latitude":45.41634,"longitude":-75.6868}""";
        return """
                {"id":%d,"admin_graphql_api_id":"gid://shopify/Order/%d","buyer_accepts_marketing":true,\
                "cart_token":"cart-%d","checkout_token":"checkout-%d","contact_email":"ann@example.com",\
                "email":"ann@example.com","created_at":"2026-11-23T09:01:00-05:00","updated_at":"2026-11-23T09:01:00-05:00",\
                "currency":"USD","presentment_currency":"USD","financial_status":"paid","fulfillment_status":null,\
                "name":"#%d","order_number":%d,"order_status_url":"https://bench.myshopify.com/548380009/orders/%d/authenticate?key=abc",\
                "phone":"+16135550135","source_name":"web","test":false,"token":"tok%d","total_price":"466.33",\
                "subtotal_price":"449.95","total_tax":"27.00","total_discounts":"10.62","note":null,\
                "customer":{"id":115310627314723954,"email":"ann@example.com","phone":"+16135550135","first_name":"Ann",\
                "last_name":"Lee","admin_graphql_api_id":"gid://shopify/Customer/115310627314723954",\
                "default_address":%s},\
                "billing_address":%s,"shipping_address":%s,"line_items":[%s]}"""
                .formatted(orderId, orderId, orderId, orderId, orderId, orderId, orderId, orderId, address, address,
                        address, lines);
    }
}
