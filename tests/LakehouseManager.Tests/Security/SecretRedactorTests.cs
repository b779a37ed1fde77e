using System.Text.Encodings.Web;
using System.Text.Json;
using LakehouseManager.Reporting;
using LakehouseManager.Security;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LakehouseManager.Tests.Security;

public sealed class SecretRedactorTests
{
    private const string Secret = "pat_4f+Q/z=\"&<>";

    [Fact]
    public void A_secret_is_masked_as_written_and_as_JSON_XML_markdown_and_a_URL_write_it()
    {
        // Arrange
        var redactor = new SecretRedactor([Secret]);
        string[] forms =
        [
            Secret,
            JsonEncodedText.Encode(Secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            JsonEncodedText.Encode(Secret).Value,
            MarkdownText.Escape(Secret),
            "pat_4f+Q/z=&quot;&amp;&lt;&gt;",
            Uri.EscapeDataString(Secret),
        ];

        // Act
        var masked = forms.Select(f => redactor.Redact($"before {f} after")).ToList();

        // Assert
        Assert.All(masked, m => Assert.Equal("before *** after", m));
        Assert.All(forms, f => Assert.True(redactor.Reveals(f)));
    }

    [Theory]
    [InlineData("https://admin:s3cretpass@dremio.example.com:9047", new[] { "s3cretpass" })]
    [InlineData("https://tok3nvalue@dremio.example.com", new[] { "tok3nvalue" })]
    [InlineData("https://dremio.example.com/?token=abc%2Bdef&x=1", new[] { "abc%2Bdef", "abc+def", "1" })]
    [InlineData("https://dremio.example.com/#fragm3nt", new[] { "fragm3nt" })]
    [InlineData("https://dremio.example.com:9047", new string[0])]
    [InlineData("not a url", new string[0])]
    public void The_credentials_of_a_URL_are_its_password_query_values_and_fragment_but_not_the_names(string url, string[] expected)
    {
        var parts = SecretRedactor.InUrl(url);

        Assert.Equal(expected.Order(StringComparer.Ordinal), parts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_secret_learned_later_is_masked_from_then_on()
    {
        var redactor = new SecretRedactor(["first-secret"]);
        var before = redactor.Redact("late-secret and first-secret");

        redactor.Learn("late-secret");

        Assert.Equal("late-secret and ***", before);
        Assert.Equal("*** and ***", redactor.Redact("late-secret and first-secret"));
        Assert.True(redactor.Reveals("\"late-secret\""));
    }

    [Fact]
    public void Blank_and_very_short_values_are_not_taken_for_secrets()
    {
        var redactor = new SecretRedactor([null, "", "  ", "abc", " abcd \n"]);

        Assert.Equal(["abcd"], redactor.Secrets);
        Assert.Equal("abc ***", redactor.Redact("abc abcd"));
    }

    [Fact]
    public void The_library_log_is_masked_before_it_reaches_the_real_logger_and_so_are_exceptions_that_quote_a_secret()
    {
        // Arrange
        var inner = new KeepingLogger();
        using var factory = new RedactingLoggerFactory(new SingleLoggerFactory(inner), new SecretRedactor([Secret]));
        var logger = factory.CreateLogger("test");

        // Act
        logger.LogWarning(new InvalidOperationException($"refused {Secret}"), "Calling {Url}", $"https://x/?t={Secret}");

        // Assert
        var line = Assert.Single(inner.Lines);
        Assert.DoesNotContain("pat_4f", line, StringComparison.Ordinal);
        Assert.Contains("Calling https://x/?t=***: refused ***", line, StringComparison.Ordinal);
        Assert.Null(inner.LastException);
    }

    private sealed class KeepingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public Exception? LastException { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add(formatter(state, exception));
            LastException = exception;
        }
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
