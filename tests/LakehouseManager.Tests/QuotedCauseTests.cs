using LakehouseManager.Catalog;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LakehouseManager.Tests;

public sealed class QuotedCauseTests
{
    [Fact]
    public void SQLites_text_in_a_message_becomes_a_quoted_cause_after_our_sentence()
    {
        // Arrange
        var sqlite = SqliteErrorOf("SELECT * FROM nope");

        // Act
        var exception = new CatalogException(
            CatalogErrorKind.BadRequest, $"The statement at branch 'dev' failed: {sqlite.Message}", sqlite);

        // Assert
        Assert.Equal("The statement at branch 'dev' failed; SQLite said: 'no such table: nope'.", exception.Message);
    }

    [Fact]
    public void Text_after_SQLites_message_is_kept()
    {
        // Arrange
        var sqlite = SqliteErrorOf("SELEC 1");

        // Act
        var text = QuotedCause.Rewrite($"View a.b does not compile: {sqlite.Message} Fix the view.", sqlite);

        // Assert
        Assert.Equal("View a.b does not compile; SQLite said: 'near \"SELEC\": syntax error'. Fix the view.", text);
    }

    [Fact]
    public void A_message_without_SQLites_text_is_left_as_it_is()
    {
        // Arrange
        var sqlite = SqliteErrorOf("SELECT * FROM nope");

        // Act
        var text = QuotedCause.Rewrite("The catalog is busy.", sqlite);

        // Assert
        Assert.Equal("The catalog is busy.", text);
    }

    private static SqliteException SqliteErrorOf(string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
    }
}
