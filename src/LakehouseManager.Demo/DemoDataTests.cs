namespace LakehouseManager.Demo;

/// <summary>
/// The demo's data tests against the views of <see cref="DemoScript"/>, in both formats (docs/data-tests.md). On
/// <c>main</c> every test passes. On <c>dev</c>, whose <c>shop.sales.daily_revenue</c> counts cancelled and refunded
/// orders, exactly one error-severity test of each file fails (<see cref="JsonFailingTest"/>,
/// <see cref="YamlFailingTest"/>), so the run fails; the YAML file's <see cref="YamlWarningTest"/> is reported as a
/// warning. After <see cref="DemoScript.FixOnDev"/> every test passes again.
/// </summary>
/// <remarks>
/// The expected figures are the sample data's (<see cref="DemoScript.Tables"/>): seven completed orders worth 680 in
/// March 2026 on four days. The tests use only views that exist on both branches (<c>dev</c> adds
/// <c>shop.sales.revenue_by_country</c> and drops <c>shop.marketing.legacy_segments</c>), so one file serves both.
/// </remarks>
public static class DemoDataTests
{
    /// <summary>Where the demo commits the JSON file in the mirror repository.</summary>
    public const string JsonPath = "tests/data-tests.json";

    /// <summary>Where the demo commits the YAML file in the mirror repository.</summary>
    public const string YamlPath = "tests/data-tests.yaml";

    /// <summary>The JSON file's test that the bug on <c>dev</c> fails: the revenue total includes cancelled orders.</summary>
    public const string JsonFailingTest = "daily_revenue_total";

    /// <summary>The YAML file's error-severity test that the bug fails: it lists the days whose revenue is wrong.</summary>
    public const string YamlFailingTest = "daily_revenue_counts_completed_orders_only";

    /// <summary>The YAML file's warn-severity test that the bug fails too: a warning, which does not fail the run.</summary>
    public const string YamlWarningTest = "daily_revenue_total";

    /// <summary>The original tool's JSON format: <c>scalar</c> and <c>sorted_aggregation</c> tests, one using
    /// <c>{branch}</c> as files written for the original tool do.</summary>
    public const string Json =
        """
        {
          "tests": [
            {
              "name": "daily_revenue_total",
              "type": "scalar",
              "query": "SELECT SUM(revenue) AS total FROM shop.sales.daily_revenue",
              "column_name": "total",
              "expected": 680
            },
            {
              "name": "daily_revenue_dates",
              "type": "sorted_aggregation",
              "query": "SELECT order_date FROM shop.sales.daily_revenue ORDER BY order_date",
              "column_name": "order_date",
              "expected": ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]
            },
            {
              "name": "completed_orders",
              "type": "scalar",
              "query": "SELECT COUNT(*) AS orders FROM shop.sales.orders_completed AT BRANCH \"{branch}\"",
              "column_name": "orders",
              "expected": 7
            },
            {
              "name": "top_customers",
              "type": "sorted_aggregation",
              "query": "SELECT customer FROM shop.sales.top_customers ORDER BY revenue DESC, customer",
              "column_name": "customer",
              "expected": ["Acme Corp", "Hooli", "Initech"]
            },
            {
              "name": "customers_by_country",
              "type": "sorted_aggregation",
              "query": "SELECT country FROM shop.marketing.customers_by_country ORDER BY customers DESC, country",
              "column_name": "country",
              "expected": ["US", "DE", "FR", "IT"]
            },
            {
              "name": "march_revenue",
              "type": "scalar",
              "query": "SELECT revenue FROM shop.finance.monthly_revenue WHERE month = '2026-03'",
              "column_name": "revenue",
              "expected": 680
            }
          ]
        }

        """;

    /// <summary>The YAML format: failing rows, scalars (equals with a tolerance, between, at most), an ordered list, row
    /// counts; a <c>warn</c> test, tags, a description and a timeout.</summary>
    public const string Yaml =
        """
        # Data tests of the demo lakehouse (docs/data-tests.md). Run them with: ./build.sh RunDataTests
        tests:
          - name: daily_revenue_counts_completed_orders_only
            description: A day's revenue is that of its completed orders; cancelled and refunded orders do not count.
            sql: |
              SELECT d.order_date, d.revenue, c.completed_revenue
              FROM shop.sales.daily_revenue d
              LEFT JOIN (
                SELECT order_date, SUM(amount) AS completed_revenue
                FROM shop.raw.orders
                WHERE status = 'completed'
                GROUP BY order_date
              ) c ON c.order_date = d.order_date
              WHERE c.completed_revenue IS NULL OR d.revenue <> c.completed_revenue
              ORDER BY d.order_date
            expect: { no_rows: true }
            tags: [revenue]

          - name: daily_revenue_total
            description: The revenue of March 2026 as the finance team booked it.
            sql: SELECT SUM(revenue) AS total FROM shop.sales.daily_revenue
            expect:
              scalar: { column: total, equals: 680, tolerance: 0.01 }
            severity: warn
            tags: [revenue, finance]

          - name: daily_revenue_dates
            sql: SELECT order_date FROM shop.sales.daily_revenue ORDER BY order_date
            expect:
              ordered_list: { equals: ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"] }
            tags: [revenue]

          - name: completed_orders
            sql: SELECT * FROM shop.sales.orders_completed
            expect: { row_count: { equals: 7 } }
            tags: [orders]

          - name: no_empty_orders
            description: Every order sold something for some money.
            sql: SELECT id, customer, quantity, amount FROM shop.sales.orders_enriched WHERE quantity <= 0 OR amount <= 0
            expect: { no_rows: true }
            tags: [orders, nightly]
            timeout: 30s

          - name: top_customers
            sql: SELECT customer FROM shop.sales.top_customers ORDER BY revenue DESC, customer
            expect:
              ordered_list: { column: customer, equals: [Acme Corp, Hooli, Initech] }
            tags: [customers]

          - name: active_customers
            sql: SELECT * FROM shop.marketing.active_customers
            expect: { row_count: { between: [1, 6] } }
            tags: [customers]

          - name: march_revenue
            sql: SELECT revenue FROM shop.finance.monthly_revenue WHERE month = '2026-03'
            expect:
              scalar: { column: revenue, between: [600, 700] }
            tags: [finance]

          - name: refund_share
            description: Refunds stay under a fifth of the revenue.
            sql: |
              SELECT (SELECT SUM(amount) FROM shop.finance.refunds)
                   / (SELECT SUM(revenue) FROM shop.finance.monthly_revenue) AS share
            expect:
              scalar: { column: share, at_most: 0.2 }
            severity: warn
            tags: [finance, nightly]

        """;
}
