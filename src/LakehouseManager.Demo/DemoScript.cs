namespace LakehouseManager.Demo;

/// <summary>
/// The demo's sample lakehouse, as the SQL a user would type into the local catalog: three data tables, twelve views in
/// three namespaces on <c>main</c>, and the change a data engineer makes on <c>dev</c> (one view created, one altered,
/// one dropped). The altered view has a bug the data tests catch; <see cref="FixOnDev"/> is the fix.
/// </summary>
public static class DemoScript
{
    public static IReadOnlyList<string> Tables { get; } =
    [
        "CREATE TABLE shop.raw.customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, signup_date TEXT NOT NULL)",
        "CREATE TABLE shop.raw.products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price REAL NOT NULL)",
        "CREATE TABLE shop.raw.orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, product_id INTEGER NOT NULL, " +
            "quantity INTEGER NOT NULL, amount REAL NOT NULL, status TEXT NOT NULL, order_date TEXT NOT NULL)",
        "INSERT INTO shop.raw.customers VALUES " +
            "(1, 'Acme Corp', 'US', '2026-01-04'), (2, 'Globex', 'DE', '2026-01-11'), (3, 'Initech', 'US', '2026-02-02'), " +
            "(4, 'Umbrella', 'FR', '2026-02-20'), (5, 'Hooli', 'US', '2026-03-03'), (6, 'Vandelay', 'IT', '2026-03-15')",
        "INSERT INTO shop.raw.products VALUES " +
            "(1, 'Widget', 'hardware', 10.0), (2, 'Gadget', 'hardware', 25.0), (3, 'Support plan', 'services', 100.0), " +
            "(4, 'Training', 'services', 250.0)",
        "INSERT INTO shop.raw.orders VALUES " +
            "(1, 1, 1, 10, 100.0, 'completed', '2026-03-01'), (2, 2, 2, 2, 50.0, 'completed', '2026-03-01'), " +
            "(3, 3, 3, 1, 100.0, 'completed', '2026-03-02'), (4, 1, 4, 1, 250.0, 'completed', '2026-03-02'), " +
            "(5, 4, 1, 5, 50.0, 'cancelled', '2026-03-02'), (6, 5, 2, 4, 100.0, 'completed', '2026-03-03'), " +
            "(7, 2, 3, 1, 100.0, 'refunded', '2026-03-03'), (8, 6, 1, 3, 30.0, 'completed', '2026-03-03'), " +
            "(9, 1, 2, 2, 50.0, 'completed', '2026-03-04'), (10, 3, 4, 1, 250.0, 'cancelled', '2026-03-04')",
    ];

    public static IReadOnlyList<string> ViewsOnMain { get; } =
    [
        "CREATE VIEW shop.sales.orders_completed AS SELECT * FROM shop.raw.orders WHERE status = 'completed'",
        "CREATE VIEW shop.sales.orders_enriched AS\n" +
            "SELECT o.id, o.order_date, c.name AS customer, c.country, p.name AS product, p.category, o.quantity, o.amount\n" +
            "FROM shop.sales.orders_completed o\n" +
            "JOIN shop.raw.customers c ON c.id = o.customer_id\n" +
            "JOIN shop.raw.products p ON p.id = o.product_id",
        "CREATE VIEW shop.sales.daily_revenue AS\n" +
            "SELECT order_date, SUM(amount) AS revenue\nFROM shop.sales.orders_completed\nGROUP BY order_date",
        "CREATE VIEW shop.sales.revenue_by_customer AS\n" +
            "SELECT customer, SUM(amount) AS revenue\nFROM shop.sales.orders_enriched\nGROUP BY customer",
        "CREATE VIEW shop.sales.revenue_by_product AS\n" +
            "SELECT product, category, SUM(amount) AS revenue\nFROM shop.sales.orders_enriched\nGROUP BY product, category",
        "CREATE VIEW shop.sales.top_customers AS\n" +
            "SELECT customer, revenue\nFROM shop.sales.revenue_by_customer\nORDER BY revenue DESC, customer\nLIMIT 3",
        "CREATE VIEW shop.marketing.customers_by_country AS\n" +
            "SELECT country, COUNT(*) AS customers\nFROM shop.raw.customers\nGROUP BY country",
        "CREATE VIEW shop.marketing.active_customers AS\n" +
            "SELECT DISTINCT customer, country\nFROM shop.sales.orders_enriched",
        "CREATE VIEW shop.marketing.new_signups AS\n" +
            "SELECT name, signup_date\nFROM shop.raw.customers\nWHERE signup_date >= '2026-03-01'",
        "CREATE VIEW shop.marketing.legacy_segments AS\n" +
            "SELECT name, CASE WHEN country = 'US' THEN 'domestic' ELSE 'export' END AS segment\nFROM shop.raw.customers",
        "CREATE VIEW shop.finance.monthly_revenue AS\n" +
            "SELECT substr(order_date, 1, 7) AS month, SUM(amount) AS revenue\nFROM shop.sales.orders_completed\nGROUP BY month",
        "CREATE VIEW shop.finance.refunds AS\n" +
            "SELECT id, customer_id, amount, order_date\nFROM shop.raw.orders\nWHERE status = 'refunded'",
    ];

    /// <summary>The review's change: one view created, one altered (with a bug: it counts every order), one dropped.</summary>
    public static IReadOnlyList<string> ChangesOnDev { get; } =
    [
        "CREATE VIEW shop.sales.revenue_by_country AS\n" +
            "SELECT country, SUM(amount) AS revenue\nFROM shop.sales.orders_enriched\nGROUP BY country",
        "CREATE OR REPLACE VIEW shop.sales.daily_revenue AS\n" +
            "SELECT order_date, SUM(amount) AS revenue, COUNT(*) AS orders\nFROM shop.raw.orders\nGROUP BY order_date",
        "DROP VIEW shop.marketing.legacy_segments",
    ];

    /// <summary>The fix the failing data test asks for: count completed orders only.</summary>
    public static string FixOnDev { get; } =
        "CREATE OR REPLACE VIEW shop.sales.daily_revenue AS\n" +
        "SELECT order_date, SUM(amount) AS revenue, COUNT(*) AS orders\nFROM shop.sales.orders_completed\nGROUP BY order_date";
}
